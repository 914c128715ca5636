import KafkaREST

/// Produces with one concatenated-JSON request per batch (``KafkaRESTClient/produce(_:to:cluster:)``):
/// a batch is sent when it is full and whenever the input pauses.
struct BatchProduce {
    /// The client.
    let kafka: KafkaRESTClient
    /// The cluster id.
    let cluster: String
    /// The topic name.
    let topic: String
    /// Most records per request.
    let batchSize: Int

    /// Produces every record of `reader`, reporting each outcome to `reporter`; a request
    /// that fails as a whole fails (4xx) or leaves unknown (5xx, transport) all its records.
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
        let results = try await kafka.produce(batch.map(\.record), to: topic, cluster: cluster)
        reporter.record(results.map { (line: batch[$0.index].line, outcome: $0.outcome) })
    }
}
