/// The time source of a producer's pacing and backoff: any `Clock` that measures in
/// `Duration`, read as the time since the producer was created.
struct ProduceClock: Sendable {
    private let elapsed: @Sendable () -> Duration
    private let sleeper: @Sendable (Duration) async throws -> Void

    /// Reads `clock`, starting from its time now.
    init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let origin = clock.now
        elapsed = { origin.duration(to: clock.now) }
        sleeper = { try await clock.sleep(until: clock.now.advanced(by: $0), tolerance: nil) }
    }

    /// The time since this clock was made.
    var now: Duration {
        elapsed()
    }

    /// Suspends for `duration` on the underlying clock.
    ///
    /// - Throws: `CancellationError` if the task is cancelled while waiting.
    func sleep(for duration: Duration) async throws {
        try await sleeper(duration)
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var secondsValue: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
