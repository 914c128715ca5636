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
            let parsed = RecordLine(line: 1, text: Data(line.utf8), format: .plain(valuesOnly: false, key: key))
            let record = try parsed.parsed.get()
            let size = record.produceRequest.jsonBytes().count
            #expect(size <= RecordLine.encodedSizeBound(text: Data(line.utf8), format: .plain(valuesOnly: false, key: key)), "\(line) with key \(key ?? "nil"): \(size) bytes")
        }
    }

    @Test("a request-shaped line is read as a ProduceRequest; other objects and values are JSON values")
    func shapes() throws {
        let shaped = try RecordLine(line: 1, text: Data(#"{"key":{"type":"STRING","data":"k"},"value":{"type":"JSON","data":{"a":1}},"partition_id":2}"#.utf8), format: .plain(valuesOnly: false)).parsed.get()
        #expect(shaped.key == .string("k"))
        #expect(shaped.value == .json(.object(["a": .integer(1)])))
        #expect(shaped.partition == 2)

        let other = try RecordLine(line: 1, text: Data(#"{"value":1,"extra":true}"#.utf8), format: .plain(valuesOnly: false)).parsed.get()
        #expect(other.value == .json(.object(["value": .integer(1), "extra": .bool(true)])))

        let noPayload = try RecordLine(line: 1, text: Data(#"{"partition_id":1}"#.utf8), format: .plain(valuesOnly: false)).parsed.get()
        #expect(noPayload.value == .json(.object(["partition_id": .integer(1)])))

        let valuesOnly = try RecordLine(line: 1, text: Data(#"{"value":{"type":"JSON","data":1}}"#.utf8), format: .plain(valuesOnly: true)).parsed.get()
        #expect(valuesOnly.partition == nil)
        if case .json(.object(let object))? = valuesOnly.value {
            #expect(object["value"] != nil)
        } else {
            Issue.record("expected the whole line as the value, got \(String(describing: valuesOnly.value))")
        }
    }

    @Test("a request-shaped line with bad JSON inside reports it as not JSON, a bad ProduceRequest as such")
    func errors() {
        let broken = RecordLine(line: 3, text: Data(#"{"value": }"#.utf8), format: .plain(valuesOnly: false))
        #expect(throws: RecordLine.LineError.self) { try broken.parsed.get() }
        if case .failure(let error) = broken.parsed { #expect(error.message.hasPrefix("not JSON"), "\(error.message)") }

        let wrongType = RecordLine(line: 4, text: Data(#"{"value":{"type":"JSON","data":1},"partition_id":"x"}"#.utf8), format: .plain(valuesOnly: false))
        if case .failure(let error) = wrongType.parsed {
            #expect(error.message.hasPrefix("not a valid ProduceRequest"), "\(error.message)")
        } else {
            Issue.record("expected a failure")
        }
    }

    static let stringText = PayloadEncoding(format: .string, schema: nil, flag: "--value-format")
    static let colon = Data(":".utf8)
    static let controls = String(repeating: "\u{1}", count: 500)
    static let exponents = "[" + Array(repeating: "1E18", count: 100).joined(separator: ",") + "]"

    /// Formats that grow lines most, with lines that grow most under them.
    static let growingFormats: [(format: RecordFormat, line: String)] = [
        (RecordFormat(value: stringText), controls + controls),
        (RecordFormat(value: PayloadEncoding(format: .binary, schema: nil, flag: "--value-format")), String(repeating: "AAAA", count: 250)),
        (RecordFormat(
            value: PayloadEncoding(format: .avro, schema: .subject("orders-\u{1}", version: 3), flag: "--value-format"),
            key: .parsed(stringText, delimiter: colon),
            headers: [.init(name: "h\u{1}", string: "\u{1}"), .init(name: "bytes", value: Data(repeating: 0, count: 7))],
            partition: 3
        ), controls + ":" + exponents),
        (RecordFormat(value: stringText, key: .parsed(stringText, delimiter: colon)), controls + ":" + controls),
        (RecordFormat(key: .fixed(.json(.string("\u{1}\u{1}"))), headers: [.init(name: "n", value: nil)]), #"{"value":{"type":"JSON","data":"# + exponents + "}}"),
    ]

    @Test("the size bound holds for text sent as STRING, base64, parsed keys, schemas and added headers", arguments: growingFormats.indices)
    func sizeBoundWithFormats(index: Int) throws {
        let (format, line) = Self.growingFormats[index]
        let record = try RecordLine(line: 1, text: Data(line.utf8), format: format).parsed.get()
        let size = record.produceRequest.jsonBytes().count
        #expect(size <= RecordLine.encodedSizeBound(text: Data(line.utf8), format: format), "\(line.prefix(40)): \(size) bytes")
    }

    @Test("lines in the string, binary and schema formats become payloads of that type, with the flags' headers and partition")
    func formats() throws {
        let text = try RecordLine(line: 1, text: Data(#"{"value": 1}"#.utf8), format: RecordFormat(value: Self.stringText)).parsed.get()
        #expect(text.value == .string(#"{"value": 1}"#))

        let binary = PayloadEncoding(format: .binary, schema: nil, flag: "--value-format")
        let bytes = try RecordLine(line: 1, text: Data(" aGk=\t".utf8), format: RecordFormat(value: binary)).parsed.get()
        #expect(bytes.value == .binary(Data("hi".utf8)))

        let avro = PayloadEncoding(format: .avro, schema: .id(7), flag: "--value-format")
        let header = KafkaRecord.Header(name: "trace", string: "t")
        let record = try RecordLine(line: 1, text: Data(#"{"id": 1}"#.utf8), format: RecordFormat(value: avro, headers: [header], partition: 2)).parsed.get()
        #expect(record == KafkaRecord(value: .avro(.object(["id": .integer(1)]), schema: .id(7)), headers: [header], partition: 2))

        let shaped = #"{"value":{"type":"JSON","data":1},"partition_id":0,"headers":[{"name":"own","value":null}]}"#
        let request = try RecordLine(line: 1, text: Data(shaped.utf8), format: RecordFormat(headers: [header], partition: 2)).parsed.get()
        #expect(request.headers == [header, KafkaRecord.Header(name: "own", value: nil)])
        #expect(request.partition == 0)
    }

    @Test("--parse-key lines split at the first delimiter; errors name the delimiter or the part")
    func parsedKeys() throws {
        let format = RecordFormat(key: .parsed(Self.stringText, delimiter: Self.colon))
        let record = try RecordLine(line: 1, text: Data(#"k:{"a":"b:c"}"#.utf8), format: format).parsed.get()
        #expect(record.key == .string("k"))
        #expect(record.value == .json(.object(["a": .string("b:c")])))

        let missing = RecordLine(line: 2, text: Data("no delimiter".utf8), format: format)
        #expect(throws: RecordLine.LineError.self) { try missing.parsed.get() }
        if case .failure(let error) = missing.parsed {
            #expect(error.message == #"no delimiter ":" between key and value (--parse-key)"#)
        }
        let notJSON = RecordLine(line: 3, text: Data("k:v".utf8), format: format)
        if case .failure(let error) = notJSON.parsed {
            #expect(error.message.hasPrefix("value: not JSON ("), "\(error.message)")
        } else {
            Issue.record("expected a failure")
        }
    }
}

extension RecordFormat {
    /// The default format: JSON values, ProduceRequest-shaped lines unless `valuesOnly`, and
    /// `key` as a STRING key.
    static func plain(valuesOnly: Bool, key: String? = nil) -> RecordFormat {
        RecordFormat(key: key.map { .fixed(.string($0)) } ?? .none, valuesOnly: valuesOnly)
    }
}
