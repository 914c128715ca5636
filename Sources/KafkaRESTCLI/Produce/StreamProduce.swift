import KafkaREST

/// Produces over streaming requests with a ``StreamingProducer``: records are written as
/// they are read and their delivery reports are read concurrently.
///
/// Both sides work a batch at a time: the records of one chunk of input go to the producer in
/// one ``StreamingProducer/send(contentsOf:)``, and the results of one delivery-report chunk
/// are reported with one write.
struct StreamProduce {
    /// The producer for the topic.
    let producer: StreamingProducer

    /// Produces every record of `reader`, reporting to `reporter`.
    ///
    /// - Throws: The producer's unrecoverable ``KafkaRESTError`` (such as 401 when opening a
    ///   stream), after every record given was reported; reading stops there.
    func run(_ reader: RecordReader, reporter: ProduceReporter) async throws {
        let lines = LockedValue(RecordLineNumbers())
        let reports = Task {
            for await batch in producer.results.batches {
                let outcomes = lines.withLock { numbers in
                    batch.map { (line: numbers.line(ofRecord: $0.index), outcome: $0.outcome) }
                }
                reporter.record(outcomes)
            }
        }
        var reader = reader
        var failure: (any Error)?
        var records: [KafkaRecord] = []
        var numbered: [Int] = []
        reading: while let parsed = await reader.next() {
            records.removeAll(keepingCapacity: true)
            numbered.removeAll(keepingCapacity: true)
            let first = producer.acceptedRecords
            for line in parsed {
                switch line.parsed {
                case .success(let record):
                    numbered.append(line.line)
                    records.append(record)
                case .failure(let error):
                    reporter.invalid(line: line.line, message: error.message)
                }
            }
            lines.withLock { numbers in
                for (position, line) in numbered.enumerated() {
                    numbers.record(first + position, isOnLine: line)
                }
            }
            do {
                try await producer.send(contentsOf: records)
                reporter.sent(records.count)
            } catch {
                reporter.sent(producer.acceptedRecords - first)
                failure = error
                break reading
            }
        }
        await producer.finish()
        await reports.value
        reporter.mismatched(streams: producer.mismatchedStreams)
        if let failure { throw failure }
    }
}
