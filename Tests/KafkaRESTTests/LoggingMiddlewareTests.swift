import Foundation
@testable import KafkaREST
import KafkaRESTTesting
import Logging
import Testing

@Suite("Logging")
struct LoggingMiddlewareTests {
    @Test("each attempt is logged with operation, method, path template, attempt, status and duration")
    func attemptsLogged() async throws {
        let recorder = LogRecorder()
        let transport = ScriptedTransport([.status(503), .json(200, topicPage(["orders"], next: "null"))])
        let configuration = testConfiguration(retry: RetryPolicy(initialBackoff: .zero), logger: recorder.logger())
        let kafka = try KafkaRESTClient(configuration: configuration, transport: transport)
        _ = try await kafka.topic.listKafkaTopics(clusterID: "lkc-1")

        let lines = recorder.lines
        let completions = lines.filter { $0.hasPrefix("debug GET /clusters/{cluster_id}/topics (listKafkaTopics, attempt") }
        #expect(completions.count == 2)
        #expect(completions[0].contains("attempt 1) → 503"))
        #expect(completions[1].contains("attempt 2) → 200"))
        for key in ["kafka_rest.operation=listKafkaTopics", "kafka_rest.method=GET",
                    "kafka_rest.path_template=/clusters/{cluster_id}/topics", "kafka_rest.status=200",
                    "kafka_rest.attempt=2", "kafka_rest.duration_ms="] {
            #expect(completions[1].contains(key), "\(key) in \(completions[1])")
        }
        #expect(lines.contains { $0.hasPrefix("trace sending GET /clusters/{cluster_id}/topics (listKafkaTopics, attempt 1)") })
        #expect(lines.contains { $0.hasPrefix("debug retrying") && $0.contains("kafka_rest.reason=HTTP 503") })
    }

    @Test("failures are logged with the error")
    func failureLogged() async throws {
        let recorder = LogRecorder()
        let transport = ScriptedTransport([.failure(TransportFailure(phase: .awaitingResponse, underlying: NetworkError()))])
        let kafka = try KafkaRESTClient(configuration: testConfiguration(logger: recorder.logger()), transport: transport)
        _ = try? await kafka.topic.createKafkaTopic(clusterID: "lkc-1", body: nil)
        let failure = try #require(recorder.lines.first { $0.contains("failed after") })
        #expect(failure.hasPrefix("debug POST /clusters/{cluster_id}/topics (createKafkaTopic, attempt 1) failed after"))
        #expect(failure.contains("TransportFailure(awaitingResponse): connection reset by peer"))
    }

    @Test("logs never hold the secret, the Basic value, the token, concrete paths or query values")
    func noSecretsInLogs() async throws {
        let secret = "s3cr3t-value"
        let basic = Base64.encode(Data("ABCDEFGH:\(secret)".utf8))
        for credentials in [Credentials.apiKey(key: "ABCDEFGH", secret: secret), .bearer(StaticBearerToken("tok-\(secret)"))] {
            let recorder = LogRecorder()
            let transport = ScriptedTransport([.status(429), .json(200, topicPage(["orders"], next: "null"))])
            var configuration = testConfiguration(credentials: credentials, retry: RetryPolicy(initialBackoff: .zero), logger: recorder.logger())
            configuration.clusterID = "lkc-private"
            let kafka = try KafkaRESTClient(configuration: configuration, transport: transport)
            _ = try await kafka.topic.listKafkaTopics(clusterID: kafka.requireClusterID(), includeAuthorizedOperations: true)

            let text = recorder.text
            #expect(recorder.lines.count >= 4)
            #expect(!text.contains(secret))
            #expect(!text.contains(basic))
            #expect(!text.contains("Authorization"))
            #expect(!text.contains("lkc-private"))
            #expect(!text.contains("includeAuthorizedOperations"))
            #expect(transport.requests.allSatisfy { $0.headers["Authorization"] != nil })
        }
    }
}
