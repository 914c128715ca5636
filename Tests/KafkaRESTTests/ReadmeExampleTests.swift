import Foundation
import KafkaREST
import KafkaRESTTesting
import KafkaRESTValidation
import Testing

/// The client examples of README.md, run against the loopback server, so the README keeps
/// naming real API.
@Suite("README examples")
struct ReadmeExampleTests {
    @Test("list topics, produce one record, follow pages, validate a payload")
    func clientExample() async throws {
        try await withIntegrationClient { server, kafka in
            server.createTopic("orders", partitionsCount: 3)

            let topics = try await kafka.topic.listKafkaTopics(clusterID: kafka.requireClusterID())
            #expect(topics.data.map(\.topicName).contains("orders"))
            #expect(topics.data.first { $0.topicName == "orders" }?.partitionsCount == 3)

            let report = try await kafka.produce(KafkaRecord(key: .string("order-7"), value: .json(["total": 12.5])), to: "orders")
            #expect(server.records(topic: "orders").count == 1)
            #expect(report.offset == 0)

            let clusterID = try kafka.requireClusterID()
            var names: [String] = []
            for try await topic in kafka.items({ try await $0.topic.listKafkaTopics(clusterID: clusterID) }) {
                names.append(topic.topicName)
            }
            #expect(names.contains("orders"))
        }
        let violations = SchemaValidator().validate(json: Data(#"{"value":{"type":"BINRY","data":"x"}}"#.utf8), against: "ProduceRequest")
        #expect(violations.contains { $0.pointer == "/value/type" })
    }

    @Test("code written against an operation group's protocol, with the client's group and with a fake")
    func groupProtocolExample() async throws {
        func namesOfBigTopics(in clusterID: String, from topics: some TopicOperationsProtocol) async throws -> [String] {
            try await topics.listKafkaTopics(clusterID: clusterID).data.filter { $0.partitionsCount >= 3 }.map(\.topicName)
        }

        try await withIntegrationClient { server, kafka in
            server.createTopic("orders", partitionsCount: 3)
            server.createTopic("audit", partitionsCount: 1)
            let names = try await namesOfBigTopics(in: kafka.requireClusterID(), from: kafka.topic)
            #expect(names == ["orders"])
        }
        let fake = FakeTopicOperations(topics: ["payments": 6, "audit": 1])
        #expect(try await namesOfBigTopics(in: "lkc-1", from: fake) == ["payments"])
        #expect(await fake.calls == [.list(clusterID: "lkc-1", includeAuthorizedOperations: nil)])
    }
}
