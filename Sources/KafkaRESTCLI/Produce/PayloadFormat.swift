import ArgumentParser
import Foundation
import KafkaREST

/// How `produce` reads the text of a key or value (`--key-format`, `--value-format`).
enum PayloadFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// A JSON value, sent as `JSON`.
    case json
    /// The text itself, sent as `STRING`.
    case string
    /// Base64 text, sent as the `BINARY` bytes it encodes.
    case binary
    /// A JSON value, sent as `AVRO` (the Avro record in its JSON form).
    case avro
    /// A JSON value, sent as `JSONSCHEMA`.
    case jsonschema
    /// A JSON value, sent as `PROTOBUF` (the message in its JSON form).
    case protobuf

    /// Whether the format needs a Schema Registry schema.
    var usesSchema: Bool {
        switch self {
        case .avro, .jsonschema, .protobuf: true
        case .json, .string, .binary: false
        }
    }
}

/// A key or value format with its schema: turns the text of an input line (or of `--key`)
/// into a ``Payload``.
struct PayloadEncoding: Sendable {
    /// The format.
    let format: PayloadFormat
    /// The schema of a schema format; `nil` for the others.
    let schema: SchemaSelector?
    /// The flag that chose the format, for messages: `--key-format` or `--value-format`.
    let flag: String

    /// Plain JSON values, as `produce` sends lines by default.
    static let json = PayloadEncoding(format: .json, schema: nil, flag: "--value-format")

    /// The payload of `text`.
    ///
    /// - Parameter label: Put before the message of the error, such as `key: `.
    /// - Throws: ``RecordLine/LineError`` when `text` is not JSON (JSON and schema formats),
    ///   not UTF-8 (string) or not base64 (binary).
    func payload(from text: Data, label: String = "") throws(RecordLine.LineError) -> Payload {
        switch format {
        case .string:
            guard let string = String(data: text, encoding: .utf8) else {
                throw RecordLine.LineError(message: "\(label)not UTF-8 text (\(flag) string)")
            }
            return .string(string)
        case .binary:
            guard let bytes = Data(base64Encoded: Self.trimmed(text)) else {
                throw RecordLine.LineError(message: "\(label)not base64 (\(flag) binary)")
            }
            return .binary(bytes)
        case .json, .avro, .jsonschema, .protobuf:
            let value: JSONValue
            do {
                value = try JSONValue(jsonBytes: text)
            } catch {
                throw RecordLine.LineError(message: "\(label)not JSON (\(RecordLine.describe(error)))")
            }
            return payload(value)
        }
    }

    /// A payload of this format holding nothing, for measuring what the format adds to a record.
    var empty: Payload {
        switch format {
        case .string: .string("")
        case .binary: .binary(Data())
        case .json, .avro, .jsonschema, .protobuf: payload(.null)
        }
    }

    /// `value` as a payload of a JSON or schema format.
    private func payload(_ value: JSONValue) -> Payload {
        switch (format, schema) {
        case (.avro, let schema?): .avro(value, schema: schema)
        case (.jsonschema, let schema?): .jsonSchema(value, schema: schema)
        case (.protobuf, let schema?): .protobuf(value, schema: schema)
        default: .json(value)
        }
    }

    /// `text` without the spaces and tabs around it.
    private static func trimmed(_ text: Data) -> Data {
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else {
            return Data()
        }
        return text[first...last]
    }
}
