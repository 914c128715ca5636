import KafkaREST

/// What one client child does: nothing (the idle baseline) or one way of producing.
enum ProduceMode: String {
    /// Builds the client and produces nothing: the memory every client process starts with.
    case idle
    /// One produce request per record.
    case onePerRequest = "one-per-request"
    /// Concatenated batches, one request each.
    case batches
    /// One ``StreamingProducer``: chunked requests with a delivery report per record.
    case streaming

    /// The modes the parent runs, in order (the idle baseline aside).
    static func measured(_ arguments: BenchmarkArguments) -> [ProduceMode] {
        arguments.batchRecords > 0 ? [.onePerRequest, .batches, .streaming] : [.onePerRequest, .streaming]
    }

    /// The mode's name in the report.
    func label(_ arguments: BenchmarkArguments) -> String {
        switch self {
        case .idle: "idle client (builds the client, produces nothing)"
        case .onePerRequest: "one request per record, \(arguments.concurrency) in flight"
        case .batches: "batches of \(arguments.batchSize), \(arguments.concurrency) in flight"
        case .streaming: "streaming, window \(arguments.window), \(arguments.streams) stream(s)"
        }
    }

    /// How many records the mode produces.
    func records(_ arguments: BenchmarkArguments) -> Int {
        switch self {
        case .idle: 0
        case .onePerRequest: arguments.requestRecords
        case .batches: arguments.batchRecords
        case .streaming: arguments.streamingRecords
        }
    }

    /// Produces the mode's records over `transport` to `path` and returns how many were delivered.
    func produce(_ arguments: BenchmarkArguments, transport: AsyncHTTPClientTransport, path: String) async throws -> Int {
        switch self {
        case .idle:
            0
        case .onePerRequest:
            try await produceOnePerRequest(count: arguments.requestRecords, transport: transport, path: path, concurrency: arguments.concurrency)
        case .batches:
            try await produceBatches(
                count: arguments.batchRecords,
                size: arguments.batchSize,
                transport: transport,
                path: path,
                concurrency: arguments.concurrency
            )
        case .streaming:
            try await produceStreaming(
                count: arguments.streamingRecords,
                transport: transport,
                path: path,
                window: arguments.window,
                streams: arguments.streams
            )
        }
    }
}
