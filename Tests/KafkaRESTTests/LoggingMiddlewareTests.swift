import Foundation
@testable import KafkaREST
import KafkaRESTTesting
import Logging
import Testing
import TransportDoubles

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
        _ = try? await kafka.topic.createKafkaTopic(clusterID: "lkc-1", body: CreateTopicRequestData(topicName: "orders"))
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

    @Test("a client view with its own logger logs there and not to the configured logger, and shares the credentials")
    func perCallLogger() async throws {
        let configured = LogRecorder()
        let perCall = LogRecorder()
        let transport = ScriptedTransport([.json(200, topicPage(["a"], next: "null")), .json(200, topicPage(["b"], next: "null"))])
        let kafka = try KafkaRESTClient(configuration: testConfiguration(logger: configured.logger()), transport: transport)
        _ = try await kafka.with(logger: perCall.logger()).topic.listKafkaTopics(clusterID: "lkc-1")
        #expect(perCall.lines.contains { $0.hasPrefix("debug GET /clusters/{cluster_id}/topics (listKafkaTopics, attempt 1) → 200") })
        #expect(configured.lines.isEmpty, "\(configured.text)")
        _ = try await kafka.topic.listKafkaTopics(clusterID: "lkc-1")
        #expect(configured.lines.contains { $0.contains("→ 200") })
        #expect(perCall.lines.count == 2, "the view's logger saw only its own call: \(perCall.text)")
        #expect(transport.requests.allSatisfy { $0.headers["Authorization"]?.hasPrefix("Basic ") == true })
    }

    @Test("async-http-client logs with the call's logger (the configured one or a view's) at debug, never its trace-level body dumps")
    func loggerReachesAsyncHTTPClient() async throws {
        try await withTestServer { server in
            let configured = LogRecorder()
            let perCall = LogRecorder()
            let configuration = KafkaRESTConfiguration(baseURL: server.baseURL, clusterID: server.clusterID, logger: configured.logger())
            let kafka = try KafkaRESTClient(configuration: configuration)
            _ = try await kafka.topic.listKafkaTopics(clusterID: server.clusterID)
            #expect(configured.lines.contains { $0.hasPrefix("debug Request was scheduled on connection") && $0.contains("ahc-connection-id=") }, "\(configured.text)")
            #expect(!configured.text.contains("ahc-http-part"), "\(configured.text)")
            let before = configured.lines.count
            _ = try await kafka.with(logger: perCall.logger()).topic.listKafkaTopics(clusterID: server.clusterID)
            #expect(perCall.lines.contains { $0.hasPrefix("debug Request was scheduled on connection") }, "\(perCall.text)")
            #expect(configured.lines.count == before)
            try await kafka.shutdown()
        }
    }

    @Test("a logger that takes no debug messages is not handed to async-http-client, which logs nothing above debug but would set up its metadata on every request")
    func quietLoggerNotHandedOn() async throws {
        try await withTestServer { server in
            let keys = MetadataKeys()
            var logger = Logger(label: "quiet") { _ in MetadataKeyRecordingHandler(keys: keys) }
            logger.logLevel = .info
            let kafka = try KafkaRESTClient(configuration: KafkaRESTConfiguration(baseURL: server.baseURL, clusterID: server.clusterID, logger: logger))
            _ = try await kafka.topic.listKafkaTopics(clusterID: server.clusterID)
            #expect(keys.set.isEmpty, "\(keys.set)")
            logger.logLevel = .debug
            _ = try await kafka.with(logger: logger).topic.listKafkaTopics(clusterID: server.clusterID)
            #expect(keys.set.contains("ahc-request-id"), "at debug the logger reaches async-http-client: \(keys.set)")
            try await kafka.shutdown()
        }
    }
}

/// The metadata keys set on loggers of a ``MetadataKeyRecordingHandler``.
private final class MetadataKeys: @unchecked Sendable {
    private let lock = NSLock()
    private var keys: Set<String> = []

    var set: Set<String> { lock.withLock { keys } }

    func insert(_ key: String) {
        lock.withLock { _ = keys.insert(key) }
    }
}

/// A swift-log handler that logs nothing and records which metadata keys are set on it.
private struct MetadataKeyRecordingHandler: LogHandler {
    let keys: MetadataKeys
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set {
            keys.insert(key)
            metadata[key] = newValue
        }
    }

    func log(event: LogEvent) {}
}
