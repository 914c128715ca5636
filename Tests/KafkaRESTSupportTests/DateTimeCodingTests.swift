import Foundation
import KafkaRESTSupport
import Testing

@Suite struct DateTimeCodingTests {
    /// 2021-12-13T16:29:10Z in seconds since 1970.
    private let baseSeconds: TimeInterval = 1_639_412_950

    @Test func parsesFractionalUTC() throws {
        let date = try #require(DateTimeCoding.date(from: "2021-12-13T16:29:10.951Z"))
        #expect(abs(date.timeIntervalSince1970 - (baseSeconds + 0.951)) < 1e-6)
        #expect(DateTimeCoding.string(from: date) == "2021-12-13T16:29:10.951Z")
    }

    @Test func parsesWithoutFraction() throws {
        let date = try #require(DateTimeCoding.date(from: "2021-12-13T16:29:10Z"))
        #expect(date.timeIntervalSince1970 == baseSeconds)
        #expect(DateTimeCoding.string(from: date) == "2021-12-13T16:29:10.000Z")
    }

    @Test(arguments: [
        ("2021-12-13T16:29:10.951+02:00", "2021-12-13T14:29:10.951Z"),
        ("2021-12-13T16:29:10-05:30", "2021-12-13T21:59:10.000Z"),
        ("2021-12-31T23:30:00-01:00", "2022-01-01T00:30:00.000Z"),
        ("2021-12-13t16:29:10.951z", "2021-12-13T16:29:10.951Z"),
        ("2021-12-13 16:29:10Z", "2021-12-13T16:29:10.000Z"),
        ("2021-12-13T16:29:10.9Z", "2021-12-13T16:29:10.900Z"),
        ("2021-12-13T16:29:10.123456789Z", "2021-12-13T16:29:10.123Z"),
        ("2021-12-13T16:29:10.9996Z", "2021-12-13T16:29:11.000Z"),
        ("2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000Z"),
        ("1969-07-20T20:17:40.5Z", "1969-07-20T20:17:40.500Z"),
        ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z"),
        ("9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z"),
    ])
    func normalisesToUTCMilliseconds(input: String, expected: String) throws {
        let date = try #require(DateTimeCoding.date(from: input))
        #expect(DateTimeCoding.string(from: date) == expected)
    }

    @Test func keepsNanosecondFractionsWhenParsing() throws {
        let date = try #require(DateTimeCoding.date(from: "2021-12-13T16:29:10.123456789Z"))
        #expect(abs(date.timeIntervalSince1970 - (baseSeconds + 0.123456789)) < 1e-6)
        let oneDigit = try #require(DateTimeCoding.date(from: "2021-12-13T16:29:10.1Z"))
        #expect(abs(oneDigit.timeIntervalSince1970 - (baseSeconds + 0.1)) < 1e-6)
    }

    @Test(arguments: ["2021-12-13T16:29:10.%03dZ", "1969-12-31T23:59:59.%03dZ", "2999-06-30T12:00:00.%03dZ"])
    func everyMillisecondRoundTripsExactly(format: String) throws {
        for millisecond in 0..<1000 {
            let text = String(format: format, millisecond)
            let date = try #require(DateTimeCoding.date(from: text))
            #expect(DateTimeCoding.string(from: date) == text)
        }
    }

    @Test func formatsDatesBuiltFromFloatingPointIntervals() {
        #expect(DateTimeCoding.string(from: Date(timeIntervalSince1970: baseSeconds + 0.951)) == "2021-12-13T16:29:10.951Z")
        #expect(DateTimeCoding.string(from: Date(timeIntervalSince1970: -0.001)) == "1969-12-31T23:59:59.999Z")
        #expect(DateTimeCoding.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }

    @Test func clampsDatesOutsideFourDigitYears() {
        #expect(DateTimeCoding.string(from: Date(timeIntervalSinceReferenceDate: 1e12)) == "9999-12-31T23:59:59.999Z")
        #expect(DateTimeCoding.string(from: Date(timeIntervalSinceReferenceDate: -1e12)) == "0001-01-01T00:00:00.000Z")
    }

    @Test(arguments: [
        "",
        "2021-12-13",
        "2021-12-13T16:29:10",
        "2021-12-13T16:29Z",
        "21-12-13T16:29:10Z",
        "2021-13-01T00:00:00Z",
        "2021-00-01T00:00:00Z",
        "2023-02-29T00:00:00Z",
        "2021-04-31T00:00:00Z",
        "2021-12-13T24:00:00Z",
        "2021-12-13T16:60:00Z",
        "2021-12-13T16:29:10.Z",
        "2021-12-13T16:29:10+0200",
        "2021-12-13T16:29:10+24:00",
        "2021-12-13T16:29:10Z ",
        "2021-12-13T16:29:10ZZ",
        "2021-12-13X16:29:10Z",
        "２０２１-12-13T16:29:10Z",
    ])
    func rejectsMalformedStrings(input: String) {
        #expect(DateTimeCoding.date(from: input) == nil)
    }

    @Test func isSafeToUseConcurrently() async {
        let results = await withTaskGroup(of: Bool.self) { group in
            for task in 0..<64 {
                group.addTask {
                    let text = String(format: "2021-12-13T16:29:%02d.%03dZ", task % 60, task * 7)
                    return (0..<200).allSatisfy { _ in
                        DateTimeCoding.date(from: text).map(DateTimeCoding.string(from:)) == text
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 })
    }
}
