import Foundation
import KafkaREST
import KafkaRESTTesting

/// The benchmark's small record: a short string value and no key, so the server spreads
/// records over the partitions.
private func benchmarkRecord(_ index: Int) -> KafkaRecord {
    KafkaRecord(value: .string("value-\(index)"))
}

/// Builds a client for the server at `address`, runs `mode` and returns how many records were
/// delivered: every call into the library's produce API is in this file.
func produceWithLibrary(_ mode: LibraryMode, arguments: BenchmarkArguments, server address: ServerAddress) async throws -> Int {
    let transport = AsyncHTTPClientTransport(baseURL: address.baseURL, timeouts: Timeouts(connect: .seconds(5), request: .seconds(120)))
    let path = address.recordsPath
    let delivered: Int
    do {
        switch mode {
        case .idle:
            delivered = 0
        case .onePerRequest:
            delivered = try await produceOnePerRequest(count: arguments.requestRecords, transport: transport, path: path, concurrency: arguments.concurrency)
        case .batches:
            delivered = try await produceBatches(
                count: arguments.batchRecords,
                size: arguments.batchSize,
                transport: transport,
                path: path,
                concurrency: arguments.concurrency
            )
        case let .streaming(streams):
            delivered = try await produceStreaming(
                count: arguments.streamingRecords,
                transport: transport,
                path: path,
                window: arguments.window,
                streams: streams
            )
        }
    } catch {
        try? await transport.shutdown()
        throw error
    }
    try await transport.shutdown()
    return delivered
}

/// Produces `count` records through one ``StreamingProducer`` and returns how many were delivered.
private func produceStreaming(count: Int, transport: AsyncHTTPClientTransport, path: String, window: Int, streams: Int) async throws -> Int {
    let producer = StreamingProducer(
        transport: transport,
        path: path,
        options: StreamingProducer.Options(maxInFlight: window, parallelStreams: streams, limits: .unlimited)
    )
    let reader = Task {
        var delivered = 0
        for await result in producer.results {
            if case .delivered = result.outcome {
                delivered += 1
            }
        }
        return delivered
    }
    for index in 0..<count {
        try await producer.send(benchmarkRecord(index))
    }
    await producer.finish()
    return await reader.value
}

/// Produces `count` records with one request each, `concurrency` requests in flight, and
/// returns how many were delivered.
private func produceOnePerRequest(count: Int, transport: AsyncHTTPClientTransport, path: String, concurrency: Int) async throws -> Int {
    try await inParallel(workers: concurrency, items: count) { index in
        try await send(benchmarkRecord(index).produceRequest.jsonData(), transport: transport, path: path)
    }
}

/// Produces `count` records in concatenated batches of `size`, `concurrency` requests in
/// flight, and returns how many were delivered.
private func produceBatches(count: Int, size: Int, transport: AsyncHTTPClientTransport, path: String, concurrency: Int) async throws -> Int {
    let batches = (count + size - 1) / size
    return try await inParallel(workers: concurrency, items: batches) { batch in
        let indices = (batch * size)..<min(count, (batch + 1) * size)
        var body = Data()
        for index in indices {
            body.append(benchmarkRecord(index).produceRequest.jsonData())
            body.append(UInt8(ascii: "\n"))
        }
        return try await send(body, transport: transport, path: path)
    }
}

/// Runs `body` for items `0..<items`, spread over `workers` tasks, and sums the results.
private func inParallel(workers: Int, items: Int, _ body: @escaping @Sendable (Int) async throws -> Int) async throws -> Int {
    try await withThrowingTaskGroup(of: Int.self) { group in
        for worker in 0..<min(workers, items) {
            group.addTask {
                var total = 0
                for item in stride(from: worker, to: items, by: workers) {
                    total += try await body(item)
                }
                return total
            }
        }
        return try await group.reduce(0, +)
    }
}

/// Sends one produce request and returns how many of its reports say delivered.
private func send(_ body: Data, transport: AsyncHTTPClientTransport, path: String) async throws -> Int {
    var request = APIRequest(operationID: "produceRecord", method: .post, pathTemplate: path, path: path)
    request.body = .bytes(body, contentType: "application/json")
    let response = try await transport.send(request)
    guard response.status == 200 else {
        throw response.error(operationID: "produceRecord")
    }
    var scanner = ConcatenatedJSONScanner()
    var delivered = 0
    try scanner.feed(response.body) { if try ProduceResponse(jsonBytes: $0).errorCode == 200 { delivered += 1 } }
    try scanner.finish()
    return delivered
}
