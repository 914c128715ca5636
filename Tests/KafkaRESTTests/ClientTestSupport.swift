import Foundation
@testable import KafkaREST
import Logging
import TransportDoubles

/// A virtual clock: `sleep` advances it instantly and records each wait.
final class FakeClock: @unchecked Sendable {
    private let lock = NSLock()
    private let origin = ContinuousClock.now
    private var elapsed = Duration.zero
    private var waits: [Duration] = []

    /// The waits requested so far.
    var sleeps: [Duration] { lock.withLock { waits } }

    func now() -> ContinuousClock.Instant {
        lock.withLock { origin + elapsed }
    }

    func sleep(_ duration: Duration) {
        lock.withLock {
            waits.append(duration)
            elapsed += duration
        }
    }

    /// Moves time forward without recording a wait, as a slow request would.
    func advance(_ duration: Duration) {
        lock.withLock { elapsed += duration }
    }
}

/// A retry middleware on a fake clock with a fixed jitter fraction.
func retryMiddleware(
    _ policy: RetryPolicy = .standard,
    clock: FakeClock,
    random: Double = 1,
    logger: Logger? = nil
) -> RetryMiddleware {
    RetryMiddleware(policy: policy, logger: logger, sleep: { clock.sleep($0) }, random: { random }, now: { clock.now() })
}

/// Sends `request` through `middlewares` to `transport`.
func send(
    _ request: APIRequest,
    through middlewares: [any Middleware],
    to transport: ScriptedTransport
) async throws -> APIResponse {
    try await MiddlewareTransport(transport: transport, middlewares: middlewares).send(request)
}

/// A request with `method`; POST, PUT and PATCH carry a small JSON body.
func request(_ method: APIMethod, operationID: String = "testOperation") -> APIRequest {
    var request = APIRequest(operationID: operationID, method: method, pathTemplate: "/clusters/{cluster_id}/topics", path: "/clusters/lkc-1/topics")
    if [.post, .put, .patch].contains(method) {
        request.body = .bytes(Data(#"{"topic_name":"orders"}"#.utf8), contentType: "application/json")
    }
    return request
}

/// An error that stands for a networking failure.
struct NetworkError: Error, CustomStringConvertible {
    var description: String { "connection reset by peer" }
}

/// Collects formatted log lines (level, message and metadata).
final class LogRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String] = []

    var lines: [String] { lock.withLock { entries } }
    var text: String { lines.joined(separator: "\n") }

    func append(_ line: String) {
        lock.withLock { entries.append(line) }
    }

    /// A logger at trace level writing here.
    func logger() -> Logger {
        var logger = Logger(label: "test") { _ in RecordingLogHandler(recorder: self) }
        logger.logLevel = .trace
        return logger
    }
}

/// A swift-log handler writing every event to a ``LogRecorder``.
struct RecordingLogHandler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        recorder.append("\(event.level) \(event.message) \(fields)")
    }
}

/// JSON for a page of topics named `names`, with `next` as the raw JSON of `metadata.next`.
func topicPage(_ names: [String], next: String) -> String {
    let topics = names.map { name in
        """
        {"kind":"KafkaTopic","metadata":{"self":"https://pkc.example/kafka/v3/clusters/lkc-1/topics/\(name)"},\
        "cluster_id":"lkc-1","topic_name":"\(name)","is_internal":false,"replication_factor":3,"partitions_count":1,\
        "partitions":{"related":"p"},"configs":{"related":"c"},"partition_reassignments":{"related":"r"}}
        """
    }
    return """
    {"kind":"KafkaTopicList","metadata":{"self":"https://pkc.example/kafka/v3/clusters/lkc-1/topics","next":\(next)},\
    "data":[\(topics.joined(separator: ","))]}
    """
}

/// A configuration for `https://pkc.example/kafka/v3` with no retries unless given.
func testConfiguration(
    credentials: Credentials? = .apiKey(key: "ABCDEFGH", secret: "s3cr3t-value"),
    retry: RetryPolicy = .none,
    connectionBias: ConnectionBias = .keepAlive,
    logger: Logger = Logger(label: "test")
) -> KafkaRESTConfiguration {
    KafkaRESTConfiguration(
        baseURL: URL(string: "https://pkc.example/kafka/v3")!,
        clusterID: "lkc-1",
        credentials: credentials,
        retry: retry,
        connectionBias: connectionBias,
        logger: logger
    )
}
