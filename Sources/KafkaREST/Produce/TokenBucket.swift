import Foundation

/// A token bucket: at most `rate` acquisitions per second on average, with bursts of up to
/// `burst` after idle time.
///
/// An acquisition that finds the bucket empty reserves the next token (the count goes below
/// zero) and sleeps until it is due, so waiters are served in order and the rate holds
/// however many tasks share the bucket.
public final class TokenBucket: Sendable {
    /// Tokens added per second.
    public let rate: Double
    /// The most tokens the bucket holds.
    public let burst: Double
    private let clock: any ProduceClock
    private let lock = NSLock()
    nonisolated(unsafe) private var tokens: Double
    nonisolated(unsafe) private var updated: Duration

    /// Creates a full bucket.
    ///
    /// - Parameters:
    ///   - rate: Tokens per second, greater than 0.
    ///   - burst: Capacity; by default a tenth of a second's worth, at least 1.
    ///   - clock: The time source.
    public init(rate: Double, burst: Double? = nil, clock: any ProduceClock = ContinuousProduceClock()) {
        precondition(rate > 0, "a token bucket needs a positive rate, not \(rate)")
        self.rate = rate
        self.burst = max(1, burst ?? rate / 10)
        self.clock = clock
        tokens = self.burst
        updated = clock.now
    }

    /// Takes one token, first sleeping until it is due if none is left.
    ///
    /// - Throws: `CancellationError` if cancelled while waiting; the reserved token is then
    ///   given back.
    public func acquire() async throws {
        let wait = reserve()
        guard wait > .zero else { return }
        do {
            try await clock.sleep(for: wait)
        } catch {
            lock.withLock { tokens += 1 }
            throw error
        }
    }

    /// Takes a token and returns how long until it is due (zero if it was there).
    private func reserve() -> Duration {
        lock.withLock {
            let now = clock.now
            tokens = min(burst, tokens + (now - updated).secondsValue * rate)
            updated = now
            tokens -= 1
            return tokens >= 0 ? .zero : .seconds(-tokens / rate)
        }
    }
}
