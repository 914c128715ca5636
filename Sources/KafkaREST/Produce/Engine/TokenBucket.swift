/// A token bucket: at most `rate` tokens per second on average, with bursts of up to
/// `burst` after idle time. A value: the state machine that owns it passes the time.
struct TokenBucket {
    /// Tokens added per second.
    let rate: Double
    /// The most tokens the bucket holds.
    let burst: Double
    private var tokens: Double
    private var updated: Duration

    /// Creates a full bucket at time `now`.
    ///
    /// - Parameters:
    ///   - rate: Tokens per second, greater than 0.
    ///   - burst: Capacity; by default a tenth of a second's worth, at least 1.
    init(rate: Double, burst: Double? = nil, now: Duration) {
        precondition(rate > 0, "a token bucket needs a positive rate, not \(rate)")
        self.rate = rate
        self.burst = max(1, burst ?? rate / 10)
        tokens = self.burst
        updated = now
    }

    /// Takes up to `wanted` whole tokens at time `now`: how many were taken (at least 1, or
    /// 0 when none is there), and, when none was, how long until the next one is due.
    mutating func take(upTo wanted: Int, now: Duration) -> (taken: Int, wait: Duration) {
        tokens = min(burst, tokens + (now - updated).secondsValue * rate)
        updated = now
        // A wait computed from the shortfall lands on the token up to rounding.
        let available = tokens + 1e-9
        guard available >= 1 else {
            return (0, .seconds((1 - tokens) / rate))
        }
        let taken = min(wanted, Int(available))
        tokens -= Double(taken)
        return (taken, .zero)
    }
}
