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
}
