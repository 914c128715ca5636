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
/// Place it inside ``RetryMiddleware`` to log every attempt with its number.
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
        let attempt = RetryAttempt.current
        let summary = "\(request.method.rawValue) \(request.pathTemplate) (\(request.operationID), attempt \(attempt))"
        var metadata: Logger.Metadata = [
            "kafka_rest.operation": "\(request.operationID)",
            "kafka_rest.method": "\(request.method.rawValue)",
            "kafka_rest.path_template": "\(request.pathTemplate)",
            "kafka_rest.attempt": "\(attempt)",
        ]
        logger.trace("sending \(summary)", metadata: metadata)
        let start = ContinuousClock.now
        do {
            let response = try await next(request)
            let milliseconds = Self.milliseconds(since: start)
            metadata["kafka_rest.status"] = "\(response.status)"
            metadata["kafka_rest.duration_ms"] = "\(milliseconds)"
            logger.debug("\(summary) → \(response.status) in \(milliseconds) ms", metadata: metadata)
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
