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
    let delivered: Int
    do {
        switch mode {
        case .idle:
            delivered = 0
        case .onePerRequest:
            delivered = try await produceOnePerRequest(
                count: arguments.requestRecords,
                kafka: client(over: transport, address),
                topic: address.topic,
                concurrency: arguments.concurrency
            )
        case .batches:
            delivered = try await produceBatches(
                count: arguments.batchRecords,
                size: arguments.batchSize,
                kafka: client(over: transport, address),
                topic: address.topic,
                concurrency: arguments.concurrency
            )
        case let .streaming(streams):
            delivered = try await produceStreaming(
                count: arguments.streamingRecords,
                kafka: client(over: transport, address),
                topic: address.topic,
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

/// Produces `count` records through one `KafkaRESTClient.streamingProducer` and returns how
/// many were delivered.
private func produceStreaming(count: Int, kafka: KafkaRESTClient, topic: String, window: Int, streams: Int) async throws -> Int {
    let producer = try kafka.streamingProducer(
        topic: topic,
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

/// A client over `transport` for the server at `address`, as a user would make one (every
/// middleware of the default chain; no credentials, since the servers ask for none).
private func client(over transport: AsyncHTTPClientTransport, _ address: ServerAddress) throws -> KafkaRESTClient {
    try KafkaRESTClient(configuration: KafkaRESTConfiguration(baseURL: address.baseURL, clusterID: address.clusterID), transport: transport)
}

/// Produces `count` records with `KafkaRESTClient.produce(_:to:)`, one request each,
/// `concurrency` requests in flight, and returns how many were delivered.
private func produceOnePerRequest(count: Int, kafka: KafkaRESTClient, topic: String, concurrency: Int) async throws -> Int {
    try await inParallel(workers: concurrency, items: count) { index in
        _ = try await kafka.produce(benchmarkRecord(index), to: topic)
        return 1
    }
}

/// Produces `count` records with `KafkaRESTClient.produce([records], to:)`, concatenated
/// batches of `size`, `concurrency` requests in flight, and returns how many were delivered.
private func produceBatches(count: Int, size: Int, kafka: KafkaRESTClient, topic: String, concurrency: Int) async throws -> Int {
    let batches = (count + size - 1) / size
    return try await inParallel(workers: concurrency, items: batches) { batch in
        let records = ((batch * size)..<min(count, (batch + 1) * size)).map(benchmarkRecord)
        let results = try await kafka.produce(records, to: topic)
        return results.count { if case .delivered = $0.outcome { true } else { false } }
    }
}

/// Runs `body` for items `0..<items`, spread over `workers` tasks, and sums the results.
func inParallel(workers: Int, items: Int, _ body: @escaping @Sendable (Int) async throws -> Int) async throws -> Int {
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

