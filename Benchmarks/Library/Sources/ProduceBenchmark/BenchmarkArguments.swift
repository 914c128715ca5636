import Foundation

/// The command line of `produce-benchmark`.
struct BenchmarkArguments {
    /// Records produced over streams.
    var streamingRecords = 1_000_000
    /// Records the raw client sends.
    var rawRecords = 1_000_000
    /// Records produced with one request each (slower, so fewer).
    var requestRecords = 20_000
    /// Records produced in concatenated batches.
    var batchRecords = 200_000
    /// Records per concatenated batch request.
    var batchSize = 500
    /// Lines of the NDJSON file curl and the CLI send.
    var cliRecords = 200_000
    /// The window (records in flight) of the streaming producer and the raw client.
    var window = 1_000
    /// The parallel streams of each streaming mode.
    var streams = [1, 2]
    /// Requests in flight at once for the request modes.
    var concurrency = 8
    /// Partitions of the test server's benchmark topic.
    var partitions = 8
    /// Rounds of every mode per server; the report gives medians and ranges over them.
    var runs = 1
    /// The servers to run every mode against, in order.
    var servers = ServerKind.allCases
    /// The `kafka-rest` executable; without it the CLI mode is skipped.
    var cliPath: String?
    /// The curl executable.
    var curlPath = "/usr/bin/curl"
    /// What this process does; the child roles come from hidden arguments the parent passes.
    var role = BenchmarkRole.orchestrate

    static let usage = """
        usage: produce-benchmark [--records N] [--raw-records N] [--request-records N] [--batch-records N]
                                 [--batch-size N] [--cli-records N] [--window N] [--streams N,N...]
                                 [--concurrency N] [--partitions N] [--runs N] [--servers sink,test-server]
                                 [--cli PATH] [--curl PATH]
          --records          records produced over streams (default 1000000)
          --raw-records      records the raw client and swift-nio alone stream (default 1000000)
          --request-records  records produced with one request each, by the raw client,
                             swift-nio alone, async-http-client alone and the library, 0 to skip (default 20000)
          --batch-records    records produced in concatenated batches, 0 to skip (default 200000)
          --batch-size       records per batch request (default 500)
          --cli-records      lines of the NDJSON file for curl and the CLI, 0 to skip (default 200000)
          --window           records in flight: streaming producer and raw client (default 1000)
          --streams          parallel streams, one streaming mode per number (default 1,2)
          --concurrency      requests in flight in the request modes (default 8)
          --partitions       partitions of the test server's topic (default 8)
          --runs             rounds of every mode, one after another, per server; with more
                             than one the report gives each figure's median and [min–max]
                             range, and ratios are taken within a round (default 1)
          --servers          servers to run every mode against (default sink,test-server)
          --cli              the kafka-rest executable; without it the CLI mode is skipped
          --curl             the curl executable (default /usr/bin/curl)
        The servers and every mode run in child processes of their own, so each mode's CPU
        time and peak RSS are its client's alone.
        """

    /// The numeric options, by name.
    private static var fields: [String: WritableKeyPath<BenchmarkArguments, Int>] {
        [
            "--records": \.streamingRecords,
            "--raw-records": \.rawRecords,
            "--request-records": \.requestRecords,
            "--batch-records": \.batchRecords,
            "--batch-size": \.batchSize,
            "--cli-records": \.cliRecords,
            "--window": \.window,
            "--concurrency": \.concurrency,
            "--partitions": \.partitions,
            "--runs": \.runs,
        ]
    }

    /// The options that take text.
    private static let textOptions: Set = ["--streams", "--servers", "--cli", "--curl", "--run-mode", "--address"]

    /// Parses `arguments` (without the program name); `nil` after printing the usage.
    ///
    /// Besides the documented options it takes the hidden ones the parent gives its children:
    /// `--serve`, `--sink`, and `--run-mode MODE --address JSON`.
    static func parse(_ arguments: [String]) -> BenchmarkArguments? {
        var parsed = BenchmarkArguments()
        var flags: Set<String> = []
        var strings: [String: String] = [:]
        var remaining = arguments[...]
        while let name = remaining.popFirst() {
            if name == "--serve" || name == "--sink" {
                flags.insert(name)
            } else if textOptions.contains(name), let text = remaining.popFirst() {
                strings[name] = text
            } else if let field = Self.fields[name], let text = remaining.popFirst(), let value = Int(text), value >= 0 {
                parsed[keyPath: field] = value
            } else {
                return invalid()
            }
        }
        if let list = strings["--streams"] {
            let streams = list.split(separator: ",").compactMap { Int($0) }
            guard !streams.isEmpty, streams.allSatisfy({ $0 >= 1 }) else {
                return invalid("--streams takes numbers of at least 1, such as 1,2")
            }
            parsed.streams = streams
        }
        if let list = strings["--servers"] {
            let servers = list.split(separator: ",").compactMap { ServerKind(rawValue: String($0)) }
            guard !servers.isEmpty, servers.count == list.split(separator: ",").count else {
                return invalid("--servers takes sink, test-server or both")
            }
            parsed.servers = servers
        }
        parsed.cliPath = strings["--cli"]
        parsed.curlPath = strings["--curl"] ?? parsed.curlPath
        guard parsed.window >= 1, parsed.concurrency >= 1, parsed.batchSize >= 1, parsed.partitions >= 1, parsed.runs >= 1 else {
            return invalid("window, concurrency, batch size, partitions and runs must be at least 1")
        }
        if flags.contains("--serve") {
            parsed.role = .serve
        } else if flags.contains("--sink") {
            parsed.role = .sink
        } else if let modeName = strings["--run-mode"] {
            guard let mode = ProduceMode(childModeName: modeName),
                  let address = strings["--address"].flatMap({ try? JSONDecoder().decode(ServerAddress.self, from: Data($0.utf8)) })
            else {
                return invalid("--run-mode needs raw or a library mode, and --address")
            }
            parsed.role = .run(mode, address)
        }
        return parsed
    }

    /// The arguments of the child that runs `mode` against the server at `address`.
    func clientArguments(_ mode: ProduceMode, server address: ServerAddress) throws -> [String] {
        let numeric = Self.fields.sorted { $0.key < $1.key }.flatMap { [$0.key, String(self[keyPath: $0.value])] }
        let addressJSON = String(decoding: try JSONEncoder().encode(address), as: UTF8.self)
        return numeric + ["--run-mode", mode.name, "--address", addressJSON]
    }

    /// Prints `problem` (if any) and the usage to standard error, and returns `nil`.
    private static func invalid(_ problem: String? = nil) -> BenchmarkArguments? {
        let text = [problem, usage].compactMap { $0 }.joined(separator: "\n")
        FileHandle.standardError.write(Data((text + "\n").utf8))
        return nil
    }
}
