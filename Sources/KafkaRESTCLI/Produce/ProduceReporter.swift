import KafkaREST

/// Counts and reports what became of each input line, from the reading task and the task
/// reading delivery reports alike.
final class ProduceReporter: Sendable {
    private let printer: Printer
    private let state: LockedValue<(tally: ProduceTally, progress: ProgressMeter)>

    /// Creates a reporter writing per-record results with `printer`; with `dryRun` the
    /// records were checked with `dry_run=true`, not written.
    init(printer: Printer, dryRun: Bool = false) {
        self.printer = printer
        var tally = ProduceTally()
        tally.dryRun = dryRun
        state = LockedValue((tally, ProgressMeter(console: printer.console)))
    }

    /// The counts so far.
    var tally: ProduceTally {
        state.withLock { $0.tally }
    }

    /// Counts `count` records handed to the server.
    func sent(_ count: Int) {
        state.withLock { $0.tally.sent += count }
    }

    /// Notes streams whose delivery reports stopped matching their records; the run then
    /// does not count as all delivered.
    func mismatched(streams: Int) {
        state.withLock { $0.tally.mismatchedStreams = streams }
    }

    /// Reports the outcome of the record from input line `line`.
    func record(line: Int, outcome: RecordOutcome) {
        state.withLock { state in
            state.tally.count(outcome)
            report(RecordReport(line: line, outcome: outcome))
            state.progress.update(state.tally)
        }
    }

    /// Reports that the server accepted the record from input line `line` with `dry_run=true`,
    /// with the partition and offset it would have had if the server gave them.
    func checked(line: Int, partition: Int32?, offset: Int64?) {
        state.withLock { state in
            state.tally.delivered += 1
            report(RecordReport(line: line, checkedPartition: partition, offset: offset))
            state.progress.update(state.tally)
        }
    }

    /// Reports an input line that is not a record.
    func invalid(line: Int, message: String) {
        state.withLock { state in
            state.tally.countInvalid()
            report(RecordReport(line: line, invalidInput: message))
        }
    }

    /// Clears the progress line and writes the summary to standard error.
    func finish() {
        state.withLock { state in
            state.progress.finish()
            printer.console.printError("produce: \(state.tally.summary)")
        }
    }

    /// Prints one record's result: every result as JSON, or failures on standard error.
    private func report(_ report: RecordReport) {
        switch printer.format {
        case .json:
            printer.console.print(report.jsonLine)
        case .table:
            if report.status != "delivered" && report.status != "checked" {
                printer.console.printError(TerminalText.escaped(report.text))
            }
        }
    }
}
