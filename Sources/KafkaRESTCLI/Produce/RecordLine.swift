import Foundation
import KafkaREST

/// One line of produce input turned into a record, or the reason it cannot be one.
///
/// A line is either a ProduceRequest-shaped object (only the keys `key`, `value`, `headers`,
/// `partition_id` and `timestamp`, at least one of `key` and `value`), sent as described, or
/// any other JSON value, sent as the record's JSON value.
struct RecordLine: Sendable {
    /// The 1-based line number (or argument number) in the input.
    var line: Int
    /// The record, or why the line is not one.
    var parsed: Result<KafkaRecord, LineError>

    /// Why a line cannot be sent.
    struct LineError: Error, Sendable {
        /// What is wrong with the line.
        var message: String
    }

    /// The largest record sent by default: Confluent Cloud's 8 MiB message limit, measured on
    /// the record's JSON as it is written to the request.
    static let defaultMaxRecordBytes = 8 * 1_048_576

    /// Parses `text`.
    ///
    /// - Parameters:
    ///   - valuesOnly: Treat every line as a plain value, even one shaped like a ProduceRequest.
    ///   - key: The key of records whose line gives none.
    ///   - maxRecordBytes: Records whose JSON is longer are refused, never sent.
    init(line: Int, text: Data, valuesOnly: Bool, key: String?, maxRecordBytes: Int = defaultMaxRecordBytes) {
        self.line = line
        parsed = Result { try Self.record(from: text, valuesOnly: valuesOnly, key: key) }
            .flatMap { record in
                guard Self.encodedSizeBound(text: text, key: key) > maxRecordBytes else { return .success(record) }
                let size = record.produceRequest.jsonBytes().count
                guard size <= maxRecordBytes else {
                    return .failure(LineError(message: "the record's JSON is \(size) bytes, over the limit of \(maxRecordBytes) bytes (--max-record-bytes); not sent"))
                }
                return .success(record)
            }
            .mapError { ($0 as? LineError) ?? LineError(message: "\($0)") }
    }

    /// An upper bound of the size of the record's JSON as written to the request, so that a
    /// line well under the limit is not encoded once more just to be measured.
    ///
    /// Re-encoding a parsed line never lengthens its strings (the writer escapes only what JSON
    /// requires, in the shortest form) or its structure (no whitespace), and lengthens a number
    /// at most 5 times (`1E18` becomes `1000000000000000000`); a `--key` string can grow 6 times
    /// when escaped (`\u00XX`), and the envelope of a plain value adds less than 256 bytes.
    static func encodedSizeBound(text: Data, key: String?) -> Int {
        5 * text.count + 6 * (key?.utf8.count ?? 0) + 256
    }

    private static func record(from text: Data, valuesOnly: Bool, key: String?) throws -> KafkaRecord {
        if !valuesOnly, (try? RequestShape(jsonBytes: text))?.matches == true {
            return try requestRecord(from: text, key: key)
        }
        let value: JSONValue
        do {
            value = try JSONValue(jsonBytes: text)
        } catch {
            throw LineError(message: "not JSON (\(Self.describe(error)))")
        }
        return KafkaRecord(key: key.map(Payload.string), value: .json(value))
    }

    /// The record of a ProduceRequest-shaped line.
    private static func requestRecord(from text: Data, key: String?) throws -> KafkaRecord {
        let request: ProduceRequest
        do {
            request = try ProduceRequest(jsonBytes: text)
        } catch {
            throw LineError(message: "not a valid ProduceRequest (\(Self.describe(error))); check it with `kafka-rest validate ProduceRequest`")
        }
        var record = KafkaRecord(
            key: try request.key?.value.map { try payload($0, field: "key") },
            value: try request.value?.value.map { try payload($0, field: "value") },
            headers: (request.headers ?? []).map { KafkaRecord.Header(name: $0.name, value: $0.value?.value?.data) },
            partition: request.partitionID?.value,
            timestamp: request.timestamp?.value
        )
        if record.key == nil, let key {
            record.key = .string(key)
        }
        return record
    }

    /// The payload for a key or value of a ProduceRequest line.
    private static func payload(_ data: ProduceRequestData, field: String) throws -> Payload {
        if data.schemaID != nil || data.schemaVersion != nil || data.schema != nil || data.subject != nil {
            throw LineError(message: "\(field) uses Schema Registry fields, which `produce` does not send; give type JSON, STRING or BINARY")
        }
        let content = data.data?.value ?? .null
        switch data.type {
        case .binary?:
            guard let text = content.stringValue, let bytes = Data(base64Encoded: text) else {
                throw LineError(message: "\(field) has type BINARY but its data is not a base64 string")
            }
            return .binary(bytes)
        case .string?:
            guard let text = content.stringValue else {
                throw LineError(message: "\(field) has type STRING but its data is not a string")
            }
            return .string(text)
        case .json?, nil:
            return .json(content)
        case let other?:
            throw LineError(message: "\(field) has type \(other.rawValue); `produce` sends JSON, STRING or BINARY")
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let reading = error as? JSONDecodingError { return "\(reading)" }
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: "/")
            return path.isEmpty ? context.debugDescription : "at /\(path): \(context.debugDescription)"
        case .keyNotFound(let key, _):
            return "missing \(key.stringValue)"
        @unknown default:
            return "\(error)"
        }
    }
}
