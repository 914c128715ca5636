import Foundation

/// The key or value of a ``KafkaRecord`` and the Kafka REST format it is sent in.
public enum Payload: Sendable, Hashable {
    /// Raw bytes, sent base64-encoded with type `BINARY`; Kafka stores the bytes themselves.
    case binary(Data)
    /// Text, sent with type `STRING`; Kafka stores its UTF-8 bytes.
    case string(String)
    /// A JSON value, sent with type `JSON`; Kafka stores its serialized form.
    case json(JSONValue)
    /// An Avro record in its JSON form, sent with type `AVRO` and the schema `schema` selects;
    /// the proxy serializes it with that schema (Schema Registry wire format).
    case avro(JSONValue, schema: SchemaSelector)
    /// A JSON value checked against a JSON Schema, sent with type `JSONSCHEMA`.
    case jsonSchema(JSONValue, schema: SchemaSelector)
    /// A Protobuf message in its JSON form, sent with type `PROTOBUF`.
    case protobuf(JSONValue, schema: SchemaSelector)

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
        case .avro(let value, let schema):
            Self.schemaData(.avro, value, schema)
        case .jsonSchema(let value, let schema):
            Self.schemaData(.jsonschema, value, schema)
        case .protobuf(let value, let schema):
            Self.schemaData(.protobuf, value, schema)
        }
    }

    /// Why this payload cannot be sent, naming the field, or `nil` if it can.
    var problem: String? {
        switch self {
        case .binary, .string, .json: nil
        case .avro(_, let schema), .jsonSchema(_, let schema), .protobuf(_, let schema): schema.problem
        }
    }

    private static func schemaData(_ type: ProduceRequestDataType, _ value: JSONValue, _ schema: SchemaSelector) -> ProduceRequestData {
        var data = ProduceRequestData(type: type, data: .value(value))
        schema.apply(to: &data)
        return data
    }
}
