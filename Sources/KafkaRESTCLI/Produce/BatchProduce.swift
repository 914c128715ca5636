import KafkaREST

/// Produces with one concatenated-JSON request per batch: a batch is sent when it is full and
/// whenever the input pauses.
struct BatchProduce {
    /// Sends the batches.
    let sender: BatchSender
    /// Most records per request.
    let batchSize: Int

    /// Produces every record of `reader`, reporting to `reporter`.
    ///
    /// - Throws: The ``KafkaRESTError`` of a request that failed as a whole, after its records
    ///   were reported; reading stops there.
    func run(_ reader: RecordReader, reporter: ProduceReporter) async throws {
        var reader = reader
        var pending: [(line: Int, record: KafkaRecord)] = []
        while let lines = await reader.next() {
            for line in lines {
                switch line.parsed {
                case .success(let record):
                    pending.append((line.line, record))
                    if pending.count == batchSize {
                        try await flush(&pending, reporter: reporter)
                    }
                case .failure(let error):
                    reporter.invalid(line: line.line, message: error.message)
                }
            }
            try await flush(&pending, reporter: reporter)
        }
    }

    /// Sends `pending` as one request and reports the outcomes.
    private func flush(_ pending: inout [(line: Int, record: KafkaRecord)], reporter: ProduceReporter) async throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll()
        reporter.sent(batch.count)
        do {
            let outcomes = try await sender.send(batch.map(\.record))
            for (entry, outcome) in zip(batch, outcomes) {
                reporter.record(line: entry.line, outcome: outcome)
            }
        } catch let error as KafkaRESTError {
            let outcome: RecordOutcome = error.kind == .transport ? .unknown(reason: error.message) : .failed(error)
            for entry in batch {
                reporter.record(line: entry.line, outcome: outcome)
            }
            throw error
        }
    }
}
