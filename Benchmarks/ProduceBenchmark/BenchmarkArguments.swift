import Foundation

/// The command line of `produce-benchmark`.
struct BenchmarkArguments {
    /// Records produced over streams.
    var streamingRecords = 1_000_000
    /// Records produced with one request each (slower, so fewer).
    var requestRecords = 20_000
    /// Records produced in concatenated batches.
    var batchRecords = 200_000
    /// Records per concatenated batch request.
    var batchSize = 500
    /// The streaming producer's window (records in flight).
    var window = 1_000
    /// Parallel streams of the streaming producer.
    var streams = 1
    /// Requests in flight at once for the request modes.
    var concurrency = 8
    /// Partitions of the benchmark topic.
    var partitions = 8

    static let usage = """
        usage: produce-benchmark [--records N] [--request-records N] [--batch-records N] [--batch-size N]
                                 [--window N] [--streams N] [--concurrency N] [--partitions N]
          --records          records produced over streams (default 1000000)
          --request-records  records produced with one request each (default 20000)
          --batch-records    records produced in concatenated batches, 0 to skip (default 200000)
          --batch-size       records per batch request (default 500)
          --window           streaming window: records in flight (default 1000)
          --streams          parallel streams (default 1)
          --concurrency      requests in flight in the request modes (default 8)
          --partitions       partitions of the topic (default 8)
        """

    /// Parses `arguments` (without the program name); `nil` after printing the usage.
    static func parse(_ arguments: [String]) -> BenchmarkArguments? {
        var parsed = BenchmarkArguments()
        let fields: [String: WritableKeyPath<BenchmarkArguments, Int>] = [
            "--records": \.streamingRecords,
            "--request-records": \.requestRecords,
            "--batch-records": \.batchRecords,
            "--batch-size": \.batchSize,
            "--window": \.window,
            "--streams": \.streams,
            "--concurrency": \.concurrency,
            "--partitions": \.partitions,
        ]
        var remaining = arguments[...]
        while let name = remaining.popFirst() {
            guard let field = fields[name], let text = remaining.popFirst(), let value = Int(text), value >= 0 else {
                FileHandle.standardError.write(Data((usage + "\n").utf8))
                return nil
            }
            parsed[keyPath: field] = value
        }
        guard parsed.window >= 1, parsed.streams >= 1, parsed.concurrency >= 1, parsed.batchSize >= 1, parsed.partitions >= 1 else {
            FileHandle.standardError.write(Data("window, streams, concurrency, batch size and partitions must be at least 1\n\(usage)\n".utf8))
            return nil
        }
        return parsed
    }
}
