import Foundation
import KafkaREST
import Testing

/// The credentials clients send to hostile servers; none of them may ever be shown.
enum HostileSecrets {
    static let key = "HOSTILE-KEY"
    static let secret = "hostile-Secret-4b1d-NEVER-SHOWN"
    static let token = "hostile-Token-9e2f-NEVER-SHOWN"
    /// The cluster every request names.
    static let cluster = "lkc-hostile"

    /// The base64 of the Basic `key:secret` pair, as sent in `Authorization`.
    static let basicPair = Data("\(key):\(secret)".utf8).base64EncodedString()

    /// Every spelling of a credential that must not appear in any output: the secret, the
    /// token, and the Basic pair.
    static let spellings = [secret, token, basicPair]

    /// API key and secret.
    static let apiKey = Credentials.apiKey(key: key, secret: secret)
    /// The bearer token.
    static let bearer = Credentials.bearer(StaticBearerToken(token))
}

/// Records an issue for every credential spelling found in `text`.
func expectNoSecret(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for spelling in HostileSecrets.spellings where text.contains(spelling) {
        Issue.record("\(what) shows a credential: \(text.prefix(2000))", sourceLocation: sourceLocation)
    }
}

/// Records an issue for every credential spelling in anything `error` shows: its description,
/// debug description and dump, and for a ``KafkaRESTError`` its message and body snippet.
func expectNoSecret(in error: any Error, sourceLocation: SourceLocation = #_sourceLocation) {
    var dumped = ""
    dump(error, to: &dumped)
    var texts = [String(describing: error), String(reflecting: error), dumped]
    if let error = error as? KafkaRESTError {
        texts += [error.message, error.bodySnippet ?? ""]
    }
    for text in texts {
        expectNoSecret(text, "the error", sourceLocation: sourceLocation)
    }
}

/// How long a client waits for what a hostile server does send: generous, so that a loaded
/// machine cannot turn a prompt answer into a timeout.
let answerTimeout = Duration.seconds(10)

/// The timeout given to clients and `kafka-rest --timeout` for what a stall is meant to hit.
let stallTimeout = Duration.seconds(1)

/// A client for `server` over plain HTTP (or HTTPS with `tls`), with `credentials`, a
/// connect and request timeout of `timeout` and `retry`, logging at trace level; shut down
/// after `body`, and its log checked for credentials.
func withHostileClient<T>(
    _ server: HostileServer,
    tls: Bool = false,
    credentials: Credentials = HostileSecrets.apiKey,
    timeout: Duration = answerTimeout,
    retry: RetryPolicy = .none,
    maximumResponseBodySize: Int? = nil,
    _ body: (KafkaRESTClient) async throws -> T
) async throws -> T {
    let log = LogRecorder()
    let configuration = KafkaRESTConfiguration(
        baseURL: URL(string: "\(tls ? "https" : "http")://127.0.0.1:\(server.port)/v3")!,
        clusterID: HostileSecrets.cluster,
        credentials: credentials,
        allowsCredentialsOverPlainHTTP: true,
        timeouts: Timeouts(connect: timeout, request: timeout),
        retry: retry,
        logger: log.logger()
    )
    // A smaller body limit than the default keeps a test of it quick on a loaded machine.
    let transport = maximumResponseBodySize.map {
        AsyncHTTPClientTransport(baseURL: configuration.baseURL, timeouts: configuration.timeouts, maximumResponseBodySize: $0)
    }
    let client = try transport.map { try KafkaRESTClient(configuration: configuration, transport: $0) }
        ?? KafkaRESTClient(configuration: configuration)
    defer { expectNoSecret(log.text, "the client's log") }
    do {
        let result = try await body(client)
        try await client.shutdown()
        try await transport?.shutdown()
        return result
    } catch {
        try? await client.shutdown()
        try? await transport?.shutdown()
        throw error
    }
}

/// The error `call` throws; records an issue and returns `nil` if it returns instead.
func hostileError<T>(_ call: () async throws -> T, sourceLocation: SourceLocation = #_sourceLocation) async -> (any Error)? {
    do {
        let value = try await call()
        Issue.record("expected an error, got \(value)", sourceLocation: sourceLocation)
        return nil
    } catch {
        expectNoSecret(in: error, sourceLocation: sourceLocation)
        return error
    }
}

/// The environment pointing `kafka-rest` at `server` with the API key (or with `bearer`,
/// the token), JSON output, and nothing from the test process's own environment.
func hostileEnvironment(_ server: HostileServer, tls: Bool = false, bearer: Bool = false) -> [String: String] {
    var environment = [
        "KAFKA_REST_ENDPOINT": "\(tls ? "https" : "http")://127.0.0.1:\(server.port)",
        "KAFKA_REST_CLUSTER_ID": HostileSecrets.cluster,
        "KAFKA_REST_ALLOW_INSECURE_CREDENTIALS": "1",
        "KAFKA_REST_OUTPUT": "json",
    ]
    if bearer {
        environment["KAFKA_REST_TOKEN"] = HostileSecrets.token
    } else {
        environment["KAFKA_REST_API_KEY"] = HostileSecrets.key
        environment["KAFKA_REST_API_SECRET"] = HostileSecrets.secret
    }
    return environment
}

/// The most memory a `kafka-rest` child may use against any hostile server.
let childMemoryCap = 200 * 1024 * 1024

/// Runs `kafka-rest arguments` against `server` and checks what every run must hold: it
/// ends by itself within ``childHangCap``, stays under ``childMemoryCap`` and shows no credential.
func runHostileCLI(
    _ arguments: [String],
    against server: HostileServer,
    tls: Bool = false,
    bearer: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
) async throws -> ChildRun {
    let run = try await KafkaRESTChild.run(arguments, environment: hostileEnvironment(server, tls: tls, bearer: bearer), limit: childHangCap)
    #expect(!run.killed, "kafka-rest \(arguments) still ran after \(childHangCap); killed", sourceLocation: sourceLocation)
    #expect(run.peakRSS < childMemoryCap, "kafka-rest peaked at \(run.peakRSS / 1024 / 1024) MiB", sourceLocation: sourceLocation)
    expectNoSecret(run.allOutput, "kafka-rest's output", sourceLocation: sourceLocation)
    return run
}

/// The wall-clock limit of one hostile test: only a hang detector, never a performance check
/// (every mode is expected to end in a few seconds). It leaves room for ``answerTimeout`` on a
/// machine whose cores are busy with other work.
let hangCap = Duration.seconds(45)

/// The wall-clock limit of one `kafka-rest` child: shorter than ``hangCap``, so that a child
/// that hangs is killed and reaped before the test gives up on it.
let childHangCap = hangCap - .seconds(5)

/// The run took longer than ``hangCap``.
struct HangCapExceeded: Error, CustomStringConvertible {
    var description: String { "still running after \(hangCap): a hostile server made it hang" }
}

/// The result of `body`, or ``HangCapExceeded`` once ``hangCap`` has passed, even if `body`
/// ignores cancellation (it is cancelled and left behind).
func withinHangCap<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
    let gate = ResumeOnce<T>()
    return try await withCheckedThrowingContinuation { continuation in
        gate.set(continuation)
        let timer = Task {
            try await Task.sleep(for: hangCap)
            gate.resume(with: .failure(HangCapExceeded()))
        }
        let work = Task {
            let result: Result<T, any Error>
            do {
                result = .success(try await body())
            } catch {
                result = .failure(error)
            }
            timer.cancel()
            gate.resume(with: result)
        }
        gate.whenTimedOut { work.cancel() }
    }
}

/// Resumes a continuation once; later results are dropped.
private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?

    private var onTimeout: @Sendable () -> Void = {}

    /// Calls `action` when the result is ``HangCapExceeded``.
    func whenTimedOut(_ action: @escaping @Sendable () -> Void) {
        lock.withLock { onTimeout = action }
    }

    func set(_ continuation: CheckedContinuation<T, any Error>) {
        lock.withLock { self.continuation = continuation }
    }

    /// Resumes with `result` if nothing did before.
    func resume(with result: Result<T, any Error>) {
        let pending = lock.withLock {
            defer { continuation = nil }
            return continuation
        }
        guard let pending else { return }
        if case .failure(let error) = result, error is HangCapExceeded {
            lock.withLock { onTimeout }()
        }
        pending.resume(with: result)
    }
}
