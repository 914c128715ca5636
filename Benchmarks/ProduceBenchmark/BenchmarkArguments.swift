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
    /// What this process does; the child roles come from hidden arguments the parent passes.
    var role = BenchmarkRole.orchestrate

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
        The test server and every mode run in child processes of their own, so each mode's
        peak RSS is its client's alone.
        """

    /// The numeric options, by name.
    private static var fields: [String: WritableKeyPath<BenchmarkArguments, Int>] {
        [
            "--records": \.streamingRecords,
            "--request-records": \.requestRecords,
            "--batch-records": \.batchRecords,
            "--batch-size": \.batchSize,
            "--window": \.window,
            "--streams": \.streams,
            "--concurrency": \.concurrency,
            "--partitions": \.partitions,
        ]
    }

    /// Parses `arguments` (without the program name); `nil` after printing the usage.
    ///
    /// Besides the documented options it takes the hidden ones the parent gives its children:
    /// `--serve`, and `--run-mode MODE --base-url URL --records-path PATH`.
    static func parse(_ arguments: [String]) -> BenchmarkArguments? {
        var parsed = BenchmarkArguments()
        var serve = false
        var strings: [String: String] = [:]
        var remaining = arguments[...]
        while let name = remaining.popFirst() {
            if name == "--serve" {
                serve = true
            } else if ["--run-mode", "--base-url", "--records-path"].contains(name), let text = remaining.popFirst() {
                strings[name] = text
            } else if let field = Self.fields[name], let text = remaining.popFirst(), let value = Int(text), value >= 0 {
                parsed[keyPath: field] = value
            } else {
                return invalid()
            }
        }
        guard parsed.window >= 1, parsed.streams >= 1, parsed.concurrency >= 1, parsed.batchSize >= 1, parsed.partitions >= 1 else {
            return invalid("window, streams, concurrency, batch size and partitions must be at least 1")
        }
        if serve {
            parsed.role = .serve
        } else if let modeName = strings["--run-mode"] {
            guard let mode = ProduceMode(rawValue: modeName),
                  let baseURL = strings["--base-url"].flatMap(URL.init(string:)),
                  let recordsPath = strings["--records-path"]
            else {
                return invalid("--run-mode needs a known mode, --base-url and --records-path")
            }
            parsed.role = .run(mode, ServerAddress(baseURL: baseURL, recordsPath: recordsPath))
        }
        return parsed
    }

    /// The arguments of the child that runs the test server.
    var serverArguments: [String] {
        ["--serve", "--partitions", String(partitions)]
    }

    /// The arguments of the child that runs `mode` against the server at `address`.
    func clientArguments(_ mode: ProduceMode, server address: ServerAddress) -> [String] {
        let numeric = Self.fields.sorted { $0.key < $1.key }.flatMap { [$0.key, String(self[keyPath: $0.value])] }
        return numeric + ["--run-mode", mode.rawValue, "--base-url", address.baseURL.absoluteString, "--records-path", address.recordsPath]
    }

    /// Prints `problem` (if any) and the usage to standard error, and returns `nil`.
    private static func invalid(_ problem: String? = nil) -> BenchmarkArguments? {
        let text = [problem, usage].compactMap { $0 }.joined(separator: "\n")
        FileHandle.standardError.write(Data((text + "\n").utf8))
        return nil
    }
}
