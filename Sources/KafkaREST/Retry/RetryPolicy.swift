import Foundation

/// When and how often ``RetryMiddleware`` repeats a failed request.
///
/// Waits grow exponentially with full jitter: before attempt *n* + 1 the client sleeps a
/// random time between zero and `min(maxBackoff, initialBackoff × multiplier^(n-1))`, unless
/// the server said how long to wait (`Retry-After` or `X-RateLimit-Reset`, capped at
/// ``maxBackoff``). Retrying stops after ``maxAttempts`` attempts, or when the next wait would
/// end after ``deadline``.
public struct RetryPolicy: Sendable, Hashable {
    /// Total attempts including the first; values below 1 mean 1.
    public var maxAttempts: Int
    /// The upper bound of the first wait.
    public var initialBackoff: Duration
    /// The cap on any single wait, including waits the server asks for.
    public var maxBackoff: Duration
    /// The factor by which the upper bound grows per attempt.
    public var multiplier: Double
    /// The budget for all attempts and waits of one call, from the start of the first
    /// attempt; `nil` for none.
    public var deadline: Duration?

    /// Creates a policy; the defaults are those of ``standard``.
    public init(
        maxAttempts: Int = 5,
        initialBackoff: Duration = .milliseconds(100),
        maxBackoff: Duration = .seconds(10),
        multiplier: Double = 2,
        deadline: Duration? = .seconds(60)
    ) {
        self.maxAttempts = maxAttempts
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.multiplier = multiplier
        self.deadline = deadline
    }

    /// Five attempts, waits from up to 100 ms doubling to at most 10 s, 60 s overall.
    public static let standard = RetryPolicy()

    /// A single attempt: nothing is retried.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The upper bound of the wait after failed attempt `attempt` (1-based):
    /// `min(maxBackoff, initialBackoff × multiplier^(attempt-1))`, with a multiplier below 1
    /// counted as 1; between zero and ``maxBackoff`` for any attempt number and settings.
    func backoffCeiling(afterAttempt attempt: Int) -> Duration {
        let seconds = ExponentialBackoff.ceiling(
            initial: initialBackoff.seconds,
            maximum: maxBackoff.seconds,
            multiplier: multiplier.isNaN ? 1 : max(multiplier, 1),
            attempt: attempt
        )
        return .roundedToNanoseconds(seconds: seconds)
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// `seconds` as a duration rounded to whole nanoseconds (so that, for example, 0.1 × 2
    /// gives exactly 200 ms), clamped between zero and 9 × 10⁹ seconds.
    static func roundedToNanoseconds(seconds: Double) -> Duration {
        let nanoseconds = (seconds * 1e9).rounded()
        guard nanoseconds > 0 else { return .zero }
        return .nanoseconds(nanoseconds < 9e18 ? Int64(nanoseconds) : 9_000_000_000_000_000_000)
    }
}
