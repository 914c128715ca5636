import Foundation
@testable import KafkaREST
import Testing
import TransportDoubles

@Suite("KafkaRESTClient")
struct ClientTests {
    @Test("dynamic member lookup reaches kafka.topic.listKafkaTopics")
    func dynamicMemberLookup() async throws {
        let transport = ScriptedTransport([.json(200, topicPage(["orders", "payments"], next: "null"))])
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        let topics = try await kafka.topic.listKafkaTopics(clusterID: kafka.requireClusterID())
        #expect(topics.data.map(\.topicName) == ["orders", "payments"])
        #expect(transport.requests.first?.path == "/clusters/lkc-1/topics")
        #expect(transport.requests.first?.headers["Accept"] == "application/json")
    }

    @Test("generated operations decode with the byte-level reader: a bad value is reported with its pointer and byte offset")
    func operationsDecodeWithTheFastReader() async throws {
        let body = #"{"kind":"KafkaTopicList","metadata":{"self":"x"},"data":[{"topic_name":7}]}"#
        let transport = ScriptedTransport([.json(200, body)])
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        let error = try await #require(throws: KafkaRESTError.self) {
            _ = try await kafka.topic.listKafkaTopics(clusterID: "lkc-1")
        }
        #expect(error.kind == .decoding)
        #expect(error.underlyingError is JSONDecodingError, "\(String(describing: error.underlyingError))")
        #expect(error.message.contains("/data/0"), "\(error.message)")
    }

    @Test("requireClusterID returns the configured id or says how to set one")
    func requireClusterID() throws {
        let configured = try KafkaRESTClient(configuration: testConfiguration(), transport: ScriptedTransport())
        #expect(try configured.requireClusterID() == "lkc-1")

        var configuration = testConfiguration()
        configuration.clusterID = nil
        let unconfigured = try KafkaRESTClient(configuration: configuration, transport: ScriptedTransport())
        #expect {
            _ = try unconfigured.requireClusterID()
        } throws: { error in
            guard let error = error as? KafkaRESTError else { return false }
            return error.kind == .invalidRequest && error.message == "no cluster id configured; set KafkaRESTConfiguration.clusterID"
        }
    }

    @Test("error statuses reach the caller as KafkaRESTError with status and error_code after retries")
    func errorStatusAfterRetries() async throws {
        let transport = ScriptedTransport(Array(repeating: .json(503, #"{"error_code":50301,"message":"unavailable"}"#), count: 2))
        let policy = RetryPolicy(maxAttempts: 2, initialBackoff: .zero)
        let kafka = try KafkaRESTClient(configuration: testConfiguration(retry: policy), transport: transport)
        let error = try await #require(throws: KafkaRESTError.self) {
            _ = try await kafka.topic.listKafkaTopics(clusterID: "lkc-1")
        }
        #expect(error.status == 503)
        #expect(error.errorCode == 50301)
        #expect(error.message == "unavailable")
        #expect(transport.requests.count == 2)
    }

    @Test("a final transport failure becomes a KafkaRESTError of kind transport that explains the phase")
    func transportFailureWrapped() async throws {
        let transport = ScriptedTransport([.failure(TransportFailure(phase: .awaitingResponse, underlying: NetworkError()))])
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        let error = try await #require(throws: KafkaRESTError.self) {
            _ = try await kafka.topic.createKafkaTopic(clusterID: "lkc-1", body: CreateTopicRequestData(topicName: "orders"))
        }
        #expect(error.kind == .transport)
        #expect(error.operationID == "createKafkaTopic")
        #expect(error.message == "no complete response was received; the server may have processed the request: connection reset by peer")
        #expect((error.underlyingError as? TransportFailure)?.phase == .awaitingResponse)
    }

    @Test("shutdown of a client over a given transport does nothing and succeeds")
    func shutdownOfGivenTransport() async throws {
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: ScriptedTransport())
        try await kafka.shutdown()
    }
}
