import Foundation
@testable import KafkaREST
import Logging
import Testing
import TransportDoubles

@Suite("Request validation before sending")
struct RequestValidationTests {
    private func client(validating: Bool, transport: ScriptedTransport) throws -> KafkaRESTClient {
        var configuration = testConfiguration()
        configuration.validatesRequests = validating
        return try KafkaRESTClient(configuration: configuration, transport: transport)
    }

    @Test("an invalid body is refused with its pointer and nothing is sent")
    func invalidBodyIsNotSent() async throws {
        let transport = ScriptedTransport([.status(201)])
        let kafka = try client(validating: true, transport: transport)
        let error = try await #require(throws: KafkaRESTError.self) {
            _ = try await kafka.topic.createKafkaTopic(clusterID: "lkc-1", body: CreateTopicRequestData(topicName: "bad/name"))
        }
        #expect(error.kind == .invalidRequest)
        #expect(error.operationID == "createKafkaTopic")
        #expect(error.message.contains("CreateTopicRequestData"))
        #expect(error.message.contains("/topic_name"))
        #expect(transport.requests.isEmpty)
    }

    @Test("a valid body is sent, and a warning does not stop it")
    func validBodyIsSent() async throws {
        let transport = ScriptedTransport([.status(201), .status(201)])
        let kafka = try client(validating: true, transport: transport)
        _ = try? await kafka.topic.createKafkaTopic(clusterID: "lkc-1", body: CreateTopicRequestData(topicName: "orders", partitionsCount: 3))
        let acl = CreateAclRequestData(
            resourceType: .topic, resourceName: "orders", patternType: .literal,
            principal: "User:1234", host: "*", operation: .read, permission: .allow
        )
        try await kafka.acl.createKafkaAcls(clusterID: "lkc-1", body: acl)
        #expect(transport.requests.map(\.operationID) == ["createKafkaTopic", "createKafkaAcls"])
    }

    @Test("validation is off by default: the server decides")
    func offByDefault() async throws {
        let transport = ScriptedTransport([.json(400, #"{"error_code":40002,"message":"bad topic name"}"#)])
        let kafka = try client(validating: false, transport: transport)
        let error = try await #require(throws: KafkaRESTError.self) {
            _ = try await kafka.topic.createKafkaTopic(clusterID: "lkc-1", body: CreateTopicRequestData(topicName: "bad/name"))
        }
        #expect(error.errorCode == 40002)
        #expect(transport.requests.count == 1)
    }
}
