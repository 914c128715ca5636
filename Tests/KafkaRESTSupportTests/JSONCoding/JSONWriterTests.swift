import Foundation
import KafkaRESTSupport
import Testing

@Suite("JSONWriter")
struct JSONWriterTests {
    private func text(_ body: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        body(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func escapesWhatJSONRequiresAndNothingElse() throws {
        let written = text { $0.writeString("a\"b\\c/d\n\r\t\u{08}\u{0C}\u{01}\u{1F}é😀\u{2028}") }
        #expect(written == #""a\"b\\c/d\n\r\t\b\f\u0001\u001fé😀"# + "\u{2028}\"")
        #expect(try JSONDecoder().decode(String.self, from: Data(written.utf8)) == "a\"b\\c/d\n\r\t\u{08}\u{0C}\u{01}\u{1F}é😀\u{2028}")
    }

    @Test func writesIntegersAtTheirLimits() {
        #expect(text { $0.writeInteger(Int64.min) } == "-9223372036854775808")
        #expect(text { $0.writeInteger(Int64.max) } == "9223372036854775807")
        #expect(text { $0.writeInteger(UInt64.max) } == "18446744073709551615")
        #expect(text { $0.writeInteger(Int32.min) } == "-2147483648")
        #expect(text { $0.writeInteger(0) } == "0")
        #expect(text { $0.writeInteger(-7) } == "-7")
    }

    @Test(arguments: [0.1, -0.0, 1e-7, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, 123456789.125, 1.0 / 3.0, 1e21])
    func writesDoublesThatRoundTrip(_ value: Double) throws {
        let written = text { $0.writeDouble(value) }
        let back = try JSONDecoder().decode(Double.self, from: Data(written.utf8))
        #expect(back == value && back.sign == value.sign, "\(written)")
    }

    @Test func writesNonFiniteDoublesAsNull() {
        #expect(text { $0.writeDouble(.nan) } == "null")
        #expect(text { $0.writeDouble(-.infinity) } == "null")
    }

    @Test func separatesMembersAndElementsWithCommas() {
        let written = text { writer in
            writer.beginObject()
            writer.field("\"a\":", [1, 2, 3])
            writer.field("\"b\":", [String: Int]())
            writer.field(named: "c\"d", [[Int]]([[], [1]]))
            writer.field("\"e\":", Int?.none)
            writer.endObject()
        }
        #expect(written == #"{"a":[1,2,3],"b":{},"c\"d":[[],[1]],"e":null}"#)
    }

    @Test func writesBase64AsFoundationDoes() {
        for count in 0..<8 {
            let data = Data((0..<count).map { UInt8(truncatingIfNeeded: $0 * 37 + 250) })
            #expect(text { $0.writeBase64(data) } == "\"\(data.base64EncodedString())\"")
        }
    }

    @Test func writesDatesInUTCWithMilliseconds() {
        let date = Date(timeIntervalSince1970: 1_639_412_950.951)
        #expect(text { date.writeJSON(to: &$0) } == "\"2021-12-13T16:29:10.951Z\"")
    }

    @Test func writesJSONValuesThatDecodeEqual() throws {
        let value: JSONValue = ["n": nil, "t": true, "i": 9_007_199_254_740_993, "d": 2.5, "s": "x", "a": [1, "two", [:]]]
        let bytes = value.jsonBytes()
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(bytes)) == value)
        #expect(try JSONValue(jsonBytes: bytes) == value)
    }
}
