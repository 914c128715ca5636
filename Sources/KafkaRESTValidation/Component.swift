import KafkaRESTSupport

/// A component schema of the table, with what the Kafka REST rules need to know about it
/// worked out once, when the validator is made.
struct Component: Sendable {
    /// The component schema's name, such as `CreateTopicRequestData`.
    let name: String
    /// Its description.
    let schema: SchemaDescriptor
    /// Whether it describes (part of) a request body: its name contains `Request`.
    let isRequest: Bool
    /// Whether it is an ACL request body: a request whose name contains `Acl`.
    let isACLRequest: Bool
    /// Whether it is the key or value of a produced record, `ProduceRequestData`.
    let isProduceData: Bool

    /// The name of the component that describes the key and value of a produced record.
    static let produceDataName = "ProduceRequestData"

    init(name: String, schema: SchemaDescriptor) {
        self.name = name
        self.schema = schema
        isRequest = name.contains("Request")
        isACLRequest = isRequest && name.contains("Acl")
        isProduceData = name == Self.produceDataName
    }

    /// The components of `table`, by name.
    static func all(in table: [String: SchemaDescriptor]) -> [String: Component] {
        Dictionary(uniqueKeysWithValues: table.map { ($0.key, Component(name: $0.key, schema: $0.value)) })
    }
}
