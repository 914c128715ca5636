/// The time source of a producer's pacing and backoff, replaceable in tests.
public protocol ProduceClock: Sendable {
    /// The time elapsed since a fixed, arbitrary origin; it never goes backwards.
    var now: Duration { get }
    /// Suspends for `duration`.
    ///
    /// - Throws: `CancellationError` if the task is cancelled while waiting.
    func sleep(for duration: Duration) async throws
}

/// The real time of `ContinuousClock`.
public struct ContinuousProduceClock: ProduceClock {
    private let origin = ContinuousClock.now

    /// Creates a clock whose origin is now.
    public init() {}

    /// The time since this clock was created.
    public var now: Duration {
        ContinuousClock.now - origin
    }

    /// Sleeps on `ContinuousClock`.
    public func sleep(for duration: Duration) async throws {
        try await ContinuousClock().sleep(for: duration)
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var secondsValue: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
