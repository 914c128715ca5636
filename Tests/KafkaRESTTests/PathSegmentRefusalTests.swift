import Foundation
@testable import KafkaREST
import Testing
import TransportDoubles

@Suite("Path segment refusal")
struct PathSegmentRefusalTests {
    @Test("a path parameter of '..', '.' or '' is refused before the transport sees a request", arguments: ["..", ".", ""])
    func refusedBeforeSending(name: String) async throws {
        let transport = ScriptedTransport([.status(204)])
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        let error = try await #require(throws: KafkaRESTError.self) {
            try await kafka.configs.deleteKafkaTopicConfig(clusterID: "lkc-1", topicName: "orders", name: name)
        }
        #expect(error.kind == .invalidRequest)
        #expect(error.operationID == "deleteKafkaTopicConfig")
        #expect(error.message.contains("{name}"))
        #expect(transport.requests.isEmpty)
    }

    @Test("an empty topic name is refused too, for any operation")
    func emptyTopicRefused() async throws {
        let transport = ScriptedTransport([.status(204)])
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        let error = try await #require(throws: KafkaRESTError.self) {
            try await kafka.topic.deleteKafkaTopic(clusterID: "lkc-1", topicName: "")
        }
        #expect(error.message.contains("{topic_name}"))
        #expect(transport.requests.isEmpty)
    }
}
