import KafkaREST
import Testing
import TransportDoubles

/// Code written against an operation group's protocol runs with the client's group, over HTTP,
/// or with a fake that sends nothing; calls that leave out optional arguments reach the fake
/// with `nil` for them.
@Suite("Operation group protocols")
struct OperationGroupProtocolTests {
    /// Code under test: the names of the topics with at least `minimum` partitions, in order.
    private static func names(of topics: some TopicOperationsProtocol, in clusterID: String, partitionsAtLeast minimum: Int) async throws -> [String] {
        try await topics.listKafkaTopics(clusterID: clusterID).data.filter { $0.partitionsCount >= minimum }.map(\.topicName)
    }

    /// Code under test: grows `topic` to `partitions` unless it has that many already.
    private static func grow(_ topic: String, to partitions: Int32, in clusterID: String, with topics: any TopicOperationsProtocol) async throws {
        let current = try await topics.getKafkaTopic(clusterID: clusterID, topicName: topic)
        if current.partitionsCount < partitions {
            _ = try await topics.updatePartitionCountKafkaTopic(clusterID: clusterID, topicName: topic, body: UpdatePartitionCountRequestData(partitionsCount: partitions))
        }
    }

    @Test func aFakeStandsInForTheTopicGroup() async throws {
        let fake = FakeTopicOperations(topics: ["orders": 3, "audit": 1, "payments": 6])
        let names = try await Self.names(of: fake, in: "lkc-1", partitionsAtLeast: 3)
        #expect(names == ["orders", "payments"])
        #expect(await fake.calls == [.list(clusterID: "lkc-1", includeAuthorizedOperations: nil)])
    }

    @Test func theClientsGroupRunsTheSameCode() async throws {
        let transport = ScriptedTransport([.json(200, topicPage(["orders", "payments"], next: "null"))])
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        let names = try await Self.names(of: kafka.topic, in: "lkc-1", partitionsAtLeast: 1)
        #expect(names == ["orders", "payments"])
        #expect(transport.requests.map(\.operationID) == ["listKafkaTopics"])
        #expect(transport.requests.first?.path == "/clusters/lkc-1/topics")
        #expect(transport.requests.first?.query.isEmpty == true)
    }

    @Test func anExistentialFakeGetsEveryArgumentGivenAndNilForTheLeftOutOnes() async throws {
        let fake = FakeTopicOperations(topics: ["orders": 3])
        try await Self.grow("orders", to: 6, in: "lkc-1", with: fake)
        try await Self.grow("orders", to: 6, in: "lkc-1", with: fake)
        let topics: any TopicOperationsProtocol = fake
        _ = try await topics.getKafkaTopic(clusterID: "lkc-2", topicName: "orders", includeAuthorizedOperations: true)
        _ = try await topics.createKafkaTopic(clusterID: "lkc-2", body: CreateTopicRequestData(topicName: "payments"))
        try await topics.deleteKafkaTopic(clusterID: "lkc-2", topicName: "orders")
        #expect(await fake.calls == [
            .get(clusterID: "lkc-1", topicName: "orders", includeAuthorizedOperations: nil),
            .updatePartitionCount(clusterID: "lkc-1", topicName: "orders", partitionsCount: 6),
            .get(clusterID: "lkc-1", topicName: "orders", includeAuthorizedOperations: nil),
            .get(clusterID: "lkc-2", topicName: "orders", includeAuthorizedOperations: true),
            .create(clusterID: "lkc-2", topicName: "payments"),
            .delete(clusterID: "lkc-2", topicName: "orders"),
        ])
    }
}
