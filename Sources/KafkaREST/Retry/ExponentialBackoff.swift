import Foundation

/// The exponential growth of retry waits, in seconds, safe for any inputs.
enum ExponentialBackoff {
    /// `min(maximum, initial × multiplier^(attempt-1))` for attempt `attempt` (from 1; lower
    /// values count as 1), always a finite number between zero and `maximum`.
    ///
    /// A negative or non-finite `initial` or `maximum` counts as zero, and a multiplier that is
    /// not a finite positive number as 1, so a zero first wait stays zero (rather than
    /// 0 × ∞ = NaN) and a product that overflows is capped at `maximum`.
    static func ceiling(initial: Double, maximum: Double, multiplier: Double, attempt: Int) -> Double {
        let maximum = maximum.isFinite ? max(maximum, 0) : 0
        let initial = initial.isFinite ? min(max(initial, 0), maximum) : 0
        guard initial > 0 else { return 0 }
        let growth = multiplier.isFinite && multiplier > 0 ? multiplier : 1
        let exponent = Double(max(attempt, 1) - 1)
        let value = initial * Foundation.pow(growth, exponent)
        return value.isFinite ? min(value, maximum) : maximum
    }
}
