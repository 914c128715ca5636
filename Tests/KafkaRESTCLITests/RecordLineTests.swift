import Foundation
@testable import KafkaRESTCLI
import KafkaREST
import Testing

@Suite("produce input lines")
struct RecordLineTests {
    /// Lines whose records re-encode longer than other lines of their length: exponents,
    /// short escapes, dates without milliseconds, tiny values in the plain-value envelope.
    static let growingLines = [
        #"1E18"#,
        #"[1E18,-1E18,9E18,1E15]"#,
        #"{"n":1E18}"#,
        #"{"value":{"type":"JSON","data":1E18},"timestamp":"2024-01-01T00:00:00Z"}"#,
        #"{"value":{"type":"JSON","data":[1E16,1E17]},"partition_id":1E1}"#,
        #"{"key":{"type":"STRING","data":"\u0041"},"value":{"type":"BINARY","data":"AA=="}}"#,
        #"{"value":{"type":"STRING","data":"\n\t\b\f"}}"#,
        #"0"#,
        #""""#,
    ]

    @Test("the size bound that spares measuring is above every record's real JSON size", arguments: growingLines)
    func sizeBoundHolds(line: String) throws {
        for key in [nil, "k", "\u{1}\u{2}\u{3}"] {
            let parsed = RecordLine(line: 1, text: Data(line.utf8), valuesOnly: false, key: key)
            let record = try parsed.parsed.get()
            let size = record.produceRequest.jsonBytes().count
            #expect(size <= RecordLine.encodedSizeBound(text: Data(line.utf8), key: key), "\(line) with key \(key ?? "nil"): \(size) bytes")
        }
    }

    @Test("a request-shaped line is read as a ProduceRequest; other objects and values are JSON values")
    func shapes() throws {
        let shaped = try RecordLine(line: 1, text: Data(#"{"key":{"type":"STRING","data":"k"},"value":{"type":"JSON","data":{"a":1}},"partition_id":2}"#.utf8), valuesOnly: false, key: nil).parsed.get()
        #expect(shaped.key == .string("k"))
        #expect(shaped.value == .json(.object(["a": .integer(1)])))
        #expect(shaped.partition == 2)

        let other = try RecordLine(line: 1, text: Data(#"{"value":1,"extra":true}"#.utf8), valuesOnly: false, key: nil).parsed.get()
        #expect(other.value == .json(.object(["value": .integer(1), "extra": .bool(true)])))

        let noPayload = try RecordLine(line: 1, text: Data(#"{"partition_id":1}"#.utf8), valuesOnly: false, key: nil).parsed.get()
        #expect(noPayload.value == .json(.object(["partition_id": .integer(1)])))

        let valuesOnly = try RecordLine(line: 1, text: Data(#"{"value":{"type":"JSON","data":1}}"#.utf8), valuesOnly: true, key: nil).parsed.get()
        #expect(valuesOnly.partition == nil)
        if case .json(.object(let object))? = valuesOnly.value {
            #expect(object["value"] != nil)
        } else {
            Issue.record("expected the whole line as the value, got \(String(describing: valuesOnly.value))")
        }
    }

    @Test("a request-shaped line with bad JSON inside reports it as not JSON, a bad ProduceRequest as such")
    func errors() {
        let broken = RecordLine(line: 3, text: Data(#"{"value": }"#.utf8), valuesOnly: false, key: nil)
        #expect(throws: RecordLine.LineError.self) { try broken.parsed.get() }
        if case .failure(let error) = broken.parsed { #expect(error.message.hasPrefix("not JSON"), "\(error.message)") }

        let wrongType = RecordLine(line: 4, text: Data(#"{"value":{"type":"JSON","data":1},"partition_id":"x"}"#.utf8), valuesOnly: false, key: nil)
        if case .failure(let error) = wrongType.parsed {
            #expect(error.message.hasPrefix("not a valid ProduceRequest"), "\(error.message)")
        } else {
            Issue.record("expected a failure")
        }
    }
}
