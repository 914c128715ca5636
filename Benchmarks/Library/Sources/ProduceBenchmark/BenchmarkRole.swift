/// What one `produce-benchmark` process does.
enum BenchmarkRole {
    /// The parent: starts the server and client children, collects their figures and prints the report.
    case orchestrate
    /// The hidden `--serve` child: runs the test server until its standard input closes.
    case serve
    /// The hidden `--sink` child: runs the minimal sink until its standard input closes.
    case sink
    /// The hidden `--run-mode` child: runs the raw client or a library mode against the server
    /// and prints its ``ModeResult``.
    case run(ProduceMode, ServerAddress)
}
