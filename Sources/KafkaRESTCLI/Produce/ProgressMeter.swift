import Foundation

/// A progress line on standard error, rewritten in place at most four times a second; only
/// used when standard error is a terminal.
struct ProgressMeter {
    private let console: Console
    private let enabled: Bool
    private let start = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?

    /// Creates a meter writing to `console`'s standard error if it is a terminal.
    init(console: Console) {
        self.console = console
        enabled = console.errIsTerminal
    }

    /// Redraws the line for `tally`, unless it was drawn less than 250 ms ago.
    mutating func update(_ tally: ProduceTally) {
        guard enabled else { return }
        let now = ContinuousClock.now
        if let lastDraw, now - lastDraw < .milliseconds(250) { return }
        lastDraw = now
        let elapsed = max((now - start).secondsValue, 0.001)
        let rate = Double(tally.delivered) / elapsed
        console.err("\r\u{1B}[K" + tally.summary + String(format: " — %.0f records/s", rate))
    }

    /// Clears the progress line.
    func finish() {
        guard enabled, lastDraw != nil else { return }
        console.err("\r\u{1B}[K")
    }
}

extension Duration {
    /// The duration in seconds.
    var secondsValue: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
