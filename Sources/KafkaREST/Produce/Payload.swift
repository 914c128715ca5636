import Foundation

/// The key or value of a ``KafkaRecord`` and the Kafka REST format it is sent in.
public enum Payload: Sendable, Hashable {
    /// Raw bytes, sent base64-encoded with type `BINARY`; Kafka stores the bytes themselves.
    case binary(Data)
    /// Text, sent with type `STRING`; Kafka stores its UTF-8 bytes.
    case string(String)
    /// A JSON value, sent with type `JSON`; Kafka stores its serialized form.
    case json(JSONValue)

    /// A ``json(_:)`` payload holding `value` as `JSONEncoder` encodes it.
    ///
    /// (Named `encoding:` because an unlabelled `json(_:)` would make every `.json(value)`
    /// with a ``JSONValue`` ambiguous.)
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/encoding`` if `value` does not
    ///   encode to JSON.
    public static func json<T: Encodable>(encoding value: T) throws -> Payload {
        do {
            let data = try JSONEncoder().encode(value)
            return .json(try JSONDecoder().decode(JSONValue.self, from: data))
        } catch {
            throw KafkaRESTError(
                kind: .encoding,
                operationID: ProduceOperation.id,
                message: "could not encode \(T.self) as a JSON payload: \(error)",
                underlyingError: error
            )
        }
    }

    /// The generated request type for this payload: its format and data.
    var requestData: ProduceRequestData {
        switch self {
        case .binary(let bytes):
            ProduceRequestData(type: .binary, data: .value(.string(bytes.base64EncodedString())))
        case .string(let text):
            ProduceRequestData(type: .string, data: .value(.string(text)))
        case .json(let value):
            ProduceRequestData(type: .json, data: .value(value))
        }
    }
}
