/// A server the modes run against, each in a child process of its own.
enum ServerKind: String, CaseIterable {
    /// The minimal sink (``runSink()``): what produce costs the client with a server that costs nothing.
    case sink
    /// `KafkaRESTTestServer`, which decodes and stores every record.
    case testServer = "test-server"

    /// The server's name in the report.
    var label: String {
        switch self {
        case .sink: "minimal sink"
        case .testServer: "KafkaRESTTestServer"
        }
    }

    /// The hidden arguments of its child.
    func childArguments(_ arguments: BenchmarkArguments) -> [String] {
        switch self {
        case .sink: ["--sink"]
        case .testServer: ["--serve", "--partitions", String(arguments.partitions)]
        }
    }
}
