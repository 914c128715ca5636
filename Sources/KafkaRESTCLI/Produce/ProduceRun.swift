import KafkaREST

/// One produce run: reads lines, sends records in batches, reports each outcome and keeps the
/// tally.
struct ProduceRun {
    /// Sends the batches.
    let sender: BatchSender
    /// Writes per-record results.
    let printer: Printer
    /// Most records per request.
    let batchSize: Int
    /// The counts so far.
    private(set) var tally = ProduceTally()
    private var progress: ProgressMeter

    init(sender: BatchSender, printer: Printer, batchSize: Int) {
        self.sender = sender
        self.printer = printer
        self.batchSize = batchSize
        progress = ProgressMeter(console: printer.console)
    }

    /// Produces every record of `input`; returns the error that stopped the run early (a
    /// whole request failed), if any. The records of a failed request are counted failed.
    mutating func produce(from input: InputSource, valuesOnly: Bool, key: String?) async -> (any Error)? {
        var splitter = LineSplitter()
        var pending: [(line: Int, record: KafkaRecord)] = []
        while true {
            let chunk = await input.read()
            let lines = chunk.isEmpty ? splitter.finish() : splitter.feed(chunk)
            for (line, text) in lines {
                switch RecordLine(line: line, text: text, valuesOnly: valuesOnly, key: key).parsed {
                case .success(let record):
                    pending.append((line, record))
                case .failure(let error):
                    tally.countInvalid()
                    report(RecordReport(line: line, invalidInput: error.message))
                }
                if pending.count == batchSize {
                    if let failure = await flush(&pending) { return failure }
                }
            }
            if let failure = await flush(&pending) { return failure }
            if chunk.isEmpty { return nil }
        }
    }

    /// Writes the summary to standard error, after clearing the progress line.
    func finish() {
        progress.finish()
        printer.console.printError("produce: \(tally.summary)")
    }

    /// Sends `pending` as one request and reports the outcomes.
    private mutating func flush(_ pending: inout [(line: Int, record: KafkaRecord)]) async -> (any Error)? {
        guard !pending.isEmpty else { return nil }
        let batch = pending
        pending.removeAll()
        tally.sent += batch.count
        do {
            let outcomes = try await sender.send(batch.map(\.record))
            for (entry, outcome) in zip(batch, outcomes) {
                tally.count(outcome)
                report(RecordReport(line: entry.line, outcome: outcome))
            }
            progress.update(tally)
            return nil
        } catch {
            let outcome: RecordOutcome = (error as? KafkaRESTError).map { error in
                error.kind == .transport ? .unknown(reason: error.message) : .failed(error)
            } ?? .unknown(reason: "\(error)")
            for entry in batch {
                tally.count(outcome)
                report(RecordReport(line: entry.line, outcome: outcome))
            }
            return error
        }
    }

    /// Prints one record's result: every result as JSON, or failures on standard error.
    private func report(_ report: RecordReport) {
        switch printer.format {
        case .json:
            if let line = try? Printer.jsonLine(report) {
                printer.console.print(line)
            }
        case .table:
            if report.status != "delivered" {
                printer.console.printError(report.text)
            }
        }
    }
}
