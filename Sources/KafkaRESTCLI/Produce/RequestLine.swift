import Foundation
import KafkaREST

/// A ProduceRequest-shaped line read in one pass straight into a record, without
/// ``RequestShape``'s pass and the generated `ProduceRequest` in between.
///
/// It covers the lines `produce` sees every day: members `key`, `value`, `headers`,
/// `partition_id` and `timestamp` (each once, `key` or `value` among them), payloads of type
/// `JSON`, `STRING` or `BINARY` (or without type) with only `type` and `data`, and headers with
/// only `name` and `value`. For such a line ``record`` is what ``RecordLine``'s general path
/// makes of it (a test holds the two to that); for any other line, and for any line that does
/// not read, it is `nil`, and the general path reads the line and gives its error.
struct RequestLine: JSONReadable {
    /// The record, or `nil` for a line the general path has to read.
    let record: KafkaRecord?

    /// The record of `text`, or `nil` as described for ``record``.
    static func record(from text: Data) -> KafkaRecord? {
        (try? RequestLine(jsonBytes: text))?.record
    }

    init(json reader: inout JSONReader) throws {
        var record = KafkaRecord()
        var seen = Members()
        try reader.beginObject()
        while try reader.nextField() {
            if reader.fieldIs("value"), seen.take(.value) {
                record.value = try Self.payload(&reader)
            } else if reader.fieldIs("key"), seen.take(.key) {
                record.key = try Self.payload(&reader)
            } else if reader.fieldIs("partition_id"), seen.take(.partition) {
                record.partition = try Int32?(json: &reader)
            } else if reader.fieldIs("timestamp"), seen.take(.timestamp) {
                record.timestamp = try Date?(json: &reader)
            } else if reader.fieldIs("headers"), seen.take(.headers) {
                record.headers = try Self.headers(&reader)
            } else {
                self.record = nil
                return
            }
        }
        self.record = seen.contains(.key) || seen.contains(.value) ? record : nil
    }

    /// The request members read so far; taking one a second time fails.
    private struct Members: OptionSet {
        let rawValue: UInt8
        static let key = Members(rawValue: 1)
        static let value = Members(rawValue: 2)
        static let partition = Members(rawValue: 4)
        static let timestamp = Members(rawValue: 8)
        static let headers = Members(rawValue: 16)

        /// Notes `member`; `false` if it was already there.
        mutating func take(_ member: Members) -> Bool {
            insert(member).inserted
        }
    }

    /// A line the fast path leaves to the general one.
    private struct NotCovered: Error {}

    /// A `key` or `value`: `null` for none, or `{"type": …, "data": …}`.
    private static func payload(_ reader: inout JSONReader) throws -> Payload? {
        guard !(try reader.nextIsNull()) else {
            try reader.readNull()
            return nil
        }
        var type: String?
        var data: JSONValue?
        try reader.beginObject()
        while try reader.nextField() {
            if reader.fieldIs("type"), type == nil {
                guard !(try reader.nextIsNull()) else { throw NotCovered() }
                type = try reader.readString()
            } else if reader.fieldIs("data"), data == nil {
                data = try JSONValue(json: &reader)
            } else {
                throw NotCovered()
            }
        }
        let content = data ?? .null
        switch type {
        case nil, "JSON":
            return .json(content)
        case "STRING":
            guard case .string(let text) = content else { throw NotCovered() }
            return .string(text)
        case "BINARY":
            guard case .string(let text) = content, let bytes = Data(base64Encoded: text) else { throw NotCovered() }
            return .binary(bytes)
        default:
            throw NotCovered()
        }
    }

    /// `headers`: `null` for none, or an array of `{"name": …, "value": base64 or null}`.
    private static func headers(_ reader: inout JSONReader) throws -> [KafkaRecord.Header] {
        if try reader.nextIsNull() {
            try reader.readNull()
            return []
        }
        var headers: [KafkaRecord.Header] = []
        try reader.beginArray()
        while try reader.nextElement() {
            var name: String?
            var value: Data??
            try reader.beginObject()
            while try reader.nextField() {
                if reader.fieldIs("name"), name == nil {
                    name = try reader.readString()
                } else if reader.fieldIs("value"), value == nil {
                    value = .some(try Base64Data?(json: &reader)?.data)
                } else {
                    throw NotCovered()
                }
            }
            guard let name else { throw NotCovered() }
            headers.append(KafkaRecord.Header(name: name, value: value ?? nil))
        }
        return headers
    }
}
