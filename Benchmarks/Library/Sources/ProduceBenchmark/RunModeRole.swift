/// The hidden `--run-mode` role: runs `mode` (the raw client or a library mode) against the
/// server at `address` and prints its ``ModeResult`` as one JSON line. The parent takes the
/// process's CPU time and peak RSS from `wait4`.
func runMode(_ mode: ProduceMode, server address: ServerAddress, arguments: BenchmarkArguments) async throws {
    let result = try await timed(records: mode.records(arguments)) {
        switch mode {
        case .raw:
            try runRawClient(records: arguments.rawRecords, window: arguments.window, server: address)
        case let .library(libraryMode):
            try await produceWithLibrary(libraryMode, arguments: arguments, server: address)
        case .nioStream, .nioStreamCoded:
            try await streamWithNIO(count: arguments.rawRecords, window: arguments.window, coded: mode == .nioStreamCoded, server: address)
        case .rawRequests:
            try runRawRequestClient(records: arguments.requestRecords, concurrency: arguments.concurrency, server: address)
        case .nio, .nioFromTasks:
            try await produceWithNIO(count: arguments.requestRecords, concurrency: arguments.concurrency, fromTasks: mode == .nioFromTasks, server: address)
        case .asyncHTTPClient:
            try await produceWithAsyncHTTPClient(count: arguments.requestRecords, concurrency: arguments.concurrency, server: address)
        case .curl, .cli:
            throw ChildFailure.notStarted(child: mode.name, reason: "it runs as a program of its own, not as a produce-benchmark child")
        }
    }
    try writeJSONLine(result)
}
