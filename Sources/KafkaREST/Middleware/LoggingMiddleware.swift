import Logging

/// Logs each attempt of each request: `trace` when it is sent, `debug` when it completes.
///
/// Messages and metadata hold only the operation id, method, path template (such as
/// `/clusters/{cluster_id}/topics`), attempt number, status, duration and, on failure, the
/// error's description. Headers, bodies, concrete paths and query values are never logged, so
/// neither are credentials. Metadata keys:
/// `kafka_rest.operation`, `kafka_rest.method`, `kafka_rest.path_template`,
/// `kafka_rest.attempt`, `kafka_rest.status`, `kafka_rest.duration_ms`, `kafka_rest.error`.
///
/// Place it inside ``RetryMiddleware`` to log every attempt with its number. When the logger
/// takes debug messages, the transport below it receives it too, at debug level:
/// ``AsyncHTTPClientTransport`` passes it on to async-http-client, which logs connection
/// handling at debug (its trace level would dump response bodies, which may echo credentials).
/// At a higher level the transport gets none, since async-http-client logs nothing above debug
/// and a logger it is handed still costs it metadata to set up on every request.
public struct LoggingMiddleware: Middleware {
    /// Where the messages go.
    public let logger: Logger

    /// Creates the middleware.
    public init(logger: Logger) {
        self.logger = logger
    }

    /// Sends `request`, logging it and its outcome.
    public func intercept(
        _ request: APIRequest,
        next: @Sendable (APIRequest) async throws -> APIResponse
    ) async throws -> APIResponse {
        guard logs else { return try await quietly { try await next(request) } }
        let attempt = RetryAttempt.current
        var metadata = Self.metadata(of: request)
        metadata["kafka_rest.attempt"] = "\(attempt)"
        let summary = "\(request.method.rawValue) \(request.pathTemplate) (\(request.operationID), attempt \(attempt))"
        return try await logged(summary, metadata, status: \.status) { try await next(request) }
    }

    /// Opens a streamed `request`, logging it and the arrival of its response head (the
    /// duration is the time to the head; the body is read afterwards).
    public func interceptStream(
        _ request: APIRequest,
        next: @Sendable (APIRequest) async throws -> StreamedResponse
    ) async throws -> StreamedResponse {
        guard logs else { return try await quietly { try await next(request) } }
        let summary = "stream \(request.method.rawValue) \(request.pathTemplate) (\(request.operationID))"
        return try await logged(summary, Self.metadata(of: request), status: \.status) { try await next(request) }
    }

    /// The metadata every message about `request` carries.
    private static func metadata(of request: APIRequest) -> Logger.Metadata {
        [
            "kafka_rest.operation": "\(request.operationID)",
            "kafka_rest.method": "\(request.method.rawValue)",
            "kafka_rest.path_template": "\(request.pathTemplate)",
        ]
    }

    /// Whether the logger takes this middleware's messages (trace and debug); when it does
    /// not, no message or metadata is put together.
    private var logs: Bool {
        logger.logLevel <= .debug
    }

    /// Sends without logging, with the transport's logger in place.
    private func quietly<Response>(_ send: () async throws -> Response) async throws -> Response {
        try await RequestLogger.$current.withValue(transportLogger) { try await send() }
    }

    /// The logger for the transport: this one at debug level, if it takes debug messages.
    private var transportLogger: Logger? {
        guard logs else { return nil }
        var logger = logger
        logger.logLevel = .debug
        return logger
    }

    /// Runs `send`, logging `summary` before and its status or error after.
    private func logged<Response>(
        _ summary: String,
        _ metadata: Logger.Metadata,
        status: (Response) -> Int,
        _ send: () async throws -> Response
    ) async throws -> Response {
        var metadata = metadata
        logger.trace("sending \(summary)", metadata: metadata)
        let start = ContinuousClock.now
        do {
            let response = try await quietly(send)
            let milliseconds = Self.milliseconds(since: start)
            metadata["kafka_rest.status"] = "\(status(response))"
            metadata["kafka_rest.duration_ms"] = "\(milliseconds)"
            logger.debug("\(summary) → \(status(response)) in \(milliseconds) ms", metadata: metadata)
            return response
        } catch {
            let milliseconds = Self.milliseconds(since: start)
            metadata["kafka_rest.duration_ms"] = "\(milliseconds)"
            metadata["kafka_rest.error"] = "\(error)"
            logger.debug("\(summary) failed after \(milliseconds) ms: \(error)", metadata: metadata)
            throw error
        }
    }

    /// Whole milliseconds elapsed since `start`.
    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        Int((start.duration(to: .now).seconds * 1000).rounded())
    }
}
