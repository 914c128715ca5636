import Foundation
import KafkaREST

/// One line of produce input turned into a record, or the reason it cannot be one.
///
/// By default a line is either a ProduceRequest-shaped object (only the keys `key`, `value`,
/// `headers`, `partition_id` and `timestamp`, at least one of `key` and `value`), sent as
/// described, or any other JSON value, sent as the record's JSON value. A ``RecordFormat``
/// can read lines in other formats, split keys from them, and add headers and a partition.
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

    /// Parses `text` as `format` says.
    ///
    /// - Parameter maxRecordBytes: Records whose JSON is longer are refused, never sent.
    init(line: Int, text: Data, format: RecordFormat, maxRecordBytes: Int = defaultMaxRecordBytes) {
        self.line = line
        parsed = Result { try Self.record(from: text, format: format) }
            .flatMap { record in
                guard Self.encodedSizeBound(text: text, format: format) > maxRecordBytes else { return .success(record) }
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
    /// Re-encoding a parsed JSON line never lengthens its strings (the writer escapes only what
    /// JSON requires, in the shortest form) or its structure (no whitespace), and lengthens a
    /// number at most 5 times (`1E18` becomes `1000000000000000000`); text sent as STRING can
    /// grow 6 times when escaped (`\u00XX`), base64 text re-encodes to at most 3 bytes more;
    /// the fixed key, the added headers and partition and the envelope are
    /// ``RecordFormat/envelopeBytes``.
    static func encodedSizeBound(text: Data, format: RecordFormat) -> Int {
        format.growthFactor * text.count + format.envelopeBytes
    }

    private static func record(from text: Data, format: RecordFormat) throws -> KafkaRecord {
        var record: KafkaRecord
        if case .parsed(let keyEncoding, let delimiter) = format.key {
            record = try parsedKeyRecord(from: text, keyEncoding: keyEncoding, delimiter: delimiter, value: format.value)
        } else if format.readsRequests, let request = RequestLine.record(from: text) {
            record = request
            if record.key == nil {
                record.key = format.fixedKey
            }
        } else if format.readsRequests, (try? RequestShape(jsonBytes: text))?.matches == true {
            record = try requestRecord(from: text, key: format.fixedKey)
        } else {
            record = KafkaRecord(key: format.fixedKey, value: try format.value.payload(from: text))
        }
        format.complete(&record)
        return record
    }

    /// The record of a `--parse-key` line: the key before the first delimiter, the value after it.
    private static func parsedKeyRecord(from text: Data, keyEncoding: PayloadEncoding, delimiter: Data, value: PayloadEncoding) throws -> KafkaRecord {
        guard let split = text.firstRange(of: delimiter) else {
            let shown = String(decoding: delimiter, as: UTF8.self).debugDescription
            throw LineError(message: "no delimiter \(shown) between key and value (--parse-key)")
        }
        return KafkaRecord(
            key: try keyEncoding.payload(from: Data(text[..<split.lowerBound]), label: "key: "),
            value: try value.payload(from: Data(text[split.upperBound...]), label: "value: ")
        )
    }

    /// The record of a ProduceRequest-shaped line, read through the generated `ProduceRequest`:
    /// every line ``RequestLine`` leaves to it, with its error when it cannot be sent.
    static func requestRecord(from text: Data, key: Payload?) throws -> KafkaRecord {
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
        if record.key == nil {
            record.key = key
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

    /// A reading or decoding error in a few words, with the path where it happened.
    static func describe(_ error: any Error) -> String {
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
