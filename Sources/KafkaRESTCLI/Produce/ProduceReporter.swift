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
        record([(line, outcome)])
    }

    /// Reports the outcomes of several records, each with its input line, in one write.
    func record(_ outcomes: [(line: Int, outcome: RecordOutcome)]) {
        state.withLock { state in
            var text = ReportText()
            for (line, outcome) in outcomes {
                state.tally.count(outcome)
                text.append(RecordReport(line: line, outcome: outcome), format: printer.format)
            }
            text.write(to: printer.console)
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
        var text = ReportText()
        text.append(report, format: printer.format)
        text.write(to: printer.console)
    }
}

/// Records' results as they are printed, gathered to be written at once: every result as a
/// JSON line on standard output, or failures as text on standard error.
private struct ReportText {
    var out = JSONWriter(reservingCapacity: 0)
    var err = ""

    /// Adds one record's result.
    mutating func append(_ report: RecordReport, format: Printer.Layout) {
        switch format {
        case .json:
            report.writeJSON(to: &out)
            out.append("\n")
        case .table:
            if report.status != "delivered" && report.status != "checked" {
                err += TerminalText.escaped(report.text)
                err += "\n"
            }
        }
    }

    /// Writes what was gathered, one write per output that has any.
    func write(to console: Console) {
        if !out.bytes.isEmpty { console.out(String(decoding: out.bytes, as: UTF8.self)) }
        if !err.isEmpty { console.err(err) }
    }
}
