import KafkaREST

/// One generated operation, called with realistic arguments. The call throws when the server
/// refuses the request or its response does not decode into the generated type.
struct ContractCall: Sendable {
    /// The operation's id in `OperationCatalog`.
    let operationID: String
    /// Calls the operation.
    let call: @Sendable (KafkaRESTClient) async throws -> Void

    init(_ operationID: String, _ call: @escaping @Sendable (KafkaRESTClient) async throws -> Void) {
        self.operationID = operationID
        self.call = call
    }
}

/// The names and values the calls use, as a user of a real cluster would pass them.
enum Fixture {
    static let cluster = "lkc-abc123"
    static let topic = "orders"
    static let link = "eu-to-us"
    static let mirrorTopic = "eu.orders"
    static let consumerGroup = "billing-service"
    static let consumer = "consumer-billing-1-6e3a"
    static let shareGroup = "audit-share"
    static let streamsGroup = "word-count-app"
    static let member = "member-7f2c"
    static let subtopology = "0"
    static let broker = 1
    static let partition = 0
    static let topicConfig = "retention.ms"
    static let brokerConfig = "log.retention.ms"
    static let linkConfig = "consumer.offset.sync.enable"
}
