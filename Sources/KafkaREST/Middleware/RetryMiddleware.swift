import Logging
import Tracing

/// Repeats requests that failed in a way that is safe and likely to succeed later, waiting
/// between attempts according to a ``RetryPolicy``.
///
/// Which outcomes are retried is decided by ``Retryability``, the one rule the whole package
/// uses: HTTP 429 and a connection never made for every method; HTTP 502/503/504, 500 with
/// `error_code` 50003, and ``TransportFailure``s after the request was sent, for GET, PUT,
/// DELETE and HEAD only; nothing else (other statuses and errors, cancellation, a transport
/// error with no ``TransportFailure`` behind it such as a response body over the size limit).
/// Requests whose body is not ``RequestBody/isReplayable`` are never repeated.
///
/// The wait after a retried response is the larger of its `Retry-After` and
/// `X-RateLimit-Reset` headers (seconds) when present, capped at ``RetryPolicy/maxBackoff``;
/// otherwise a random time between zero and the policy's backoff ceiling (full jitter).
/// When the attempts are used up, or the next wait would end after ``RetryPolicy/deadline``,
/// the last response is returned (so the operation reports its status and `error_code`) or the
/// last error is thrown.
public struct RetryMiddleware: Middleware {
    /// The policy applied.
    public let policy: RetryPolicy
    private let logger: Logger?
    private let sleep: @Sendable (Duration) async throws -> Void
    private let random: @Sendable () -> Double
    private let now: @Sendable () -> ContinuousClock.Instant
    private let isReplayable: @Sendable (APIRequest) -> Bool

    /// Creates the middleware.
    ///
    /// - Parameters:
    ///   - policy: When to stop and how long to wait.
    ///   - logger: Receives a debug message before each wait, or `nil` for none.
    ///   - sleep: Waits for the given duration; `Task.sleep(for:)` by default.
    ///   - random: Returns a number in `0...1` that scales the jittered wait; uniform by default.
    ///   - now: The current time, for the deadline; `ContinuousClock.now` by default.
    public init(
        policy: RetryPolicy = .standard,
        logger: Logger? = nil,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) },
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.init(policy: policy, logger: logger, sleep: sleep, random: random, now: now) {
            $0.body?.isReplayable ?? true
        }
    }

    /// Creates the middleware with a custom test of whether a request may be sent again.
    init(
        policy: RetryPolicy,
        logger: Logger?,
        sleep: @escaping @Sendable (Duration) async throws -> Void,
        random: @escaping @Sendable () -> Double,
        now: @escaping @Sendable () -> ContinuousClock.Instant,
        isReplayable: @escaping @Sendable (APIRequest) -> Bool
    ) {
        self.policy = policy
        self.logger = logger
        self.sleep = sleep
        self.random = random
        self.now = now
        self.isReplayable = isReplayable
    }

    /// Sends `request`, repeating it while the outcome is retryable and the policy allows.
    public func intercept(
        _ request: APIRequest,
        next: @Sendable (APIRequest) async throws -> APIResponse
    ) async throws -> APIResponse {
        let start = now()
        let maxAttempts = max(policy.maxAttempts, 1)
        let replayable = isReplayable(request)
        var attempt = 1
        while true {
            let outcome: Result<APIResponse, any Error>
            do {
                outcome = .success(try await RetryAttempt.$current.withValue(attempt) { try await next(request) })
            } catch {
                outcome = .failure(error)
            }
            if case .success(let response) = outcome, response.status == 429 {
                OperationMetrics.current?.rateLimited()
            }
            guard replayable, attempt < maxAttempts, !Task.isCancelled,
                  let reason = retryReason(for: outcome, method: request.method)
            else {
                return try outcome.get()
            }
            let wait = delay(afterAttempt: attempt, outcome: outcome)
            if let deadline = policy.deadline, start.duration(to: now()) + wait > deadline {
                return try outcome.get()
            }
            logger?.debug(
                "retrying",
                metadata: [
                    "kafka_rest.operation": "\(request.operationID)",
                    "kafka_rest.attempt": "\(attempt)",
                    "kafka_rest.reason": "\(reason)",
                    "kafka_rest.wait_ms": "\(Int((wait.seconds * 1000).rounded()))",
                ]
            )
            OperationSpan.current?.attributes["kafka_rest.retry_count"] = attempt
            OperationMetrics.current?.retried(after: outcome)
            try await sleep(wait)
            attempt += 1
        }
    }

    private func retryReason(for outcome: Result<APIResponse, any Error>, method: APIMethod) -> String? {
        switch outcome {
        case .success(let response): RetryClassifier.reason(for: response, method: method)
        case .failure(let error): RetryClassifier.reason(for: error, method: method)
        }
    }

    /// The server's requested delay capped at `maxBackoff`, or a full-jitter backoff.
    private func delay(afterAttempt attempt: Int, outcome: Result<APIResponse, any Error>) -> Duration {
        if case .success(let response) = outcome, let requested = RetryClassifier.serverDelay(in: response) {
            return min(requested, policy.maxBackoff)
        }
        let fraction = min(max(random(), 0), 1)
        return .roundedToNanoseconds(seconds: policy.backoffCeiling(afterAttempt: attempt).seconds * fraction)
    }
}
