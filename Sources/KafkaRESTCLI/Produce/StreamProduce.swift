import KafkaREST

/// Produces over streaming requests with a ``StreamingProducer``: records are written as
/// they are read and their delivery reports are read concurrently.
struct StreamProduce {
    /// The producer for the topic.
    let producer: StreamingProducer

    /// Produces every record of `reader`, reporting to `reporter`.
    ///
    /// - Throws: The producer's unrecoverable ``KafkaRESTError`` (such as 401 when opening a
    ///   stream), after every record given was reported; reading stops there.
    func run(_ reader: RecordReader, reporter: ProduceReporter) async throws {
        let lines = LockedValue<[Int]>([])
        let reports = Task {
            for await result in producer.results {
                let line = lines.withLock { $0.indices.contains(result.index) ? $0[result.index] : result.index + 1 }
                reporter.record(line: line, outcome: result.outcome)
            }
        }
        var reader = reader
        var failure: (any Error)?
        reading: while let parsed = await reader.next() {
            for line in parsed {
                switch line.parsed {
                case .success(let record):
                    lines.withLock { $0.append(line.line) }
                    do {
                        try await producer.send(record)
                        reporter.sent(1)
                    } catch {
                        lines.withLock { _ = $0.popLast() }
                        failure = error
                        break reading
                    }
                case .failure(let error):
                    reporter.invalid(line: line.line, message: error.message)
                }
            }
        }
        await producer.finish()
        await reports.value
        reporter.mismatched(streams: producer.mismatchedStreams)
        if let failure { throw failure }
    }
}
