import Foundation
import KafkaREST
import KafkaRESTTesting
import Logging
import Testing

/// Starts a test server with `topic` (`partitions` partitions), runs `body` with it and a
/// transport for it, and stops both whether `body` returns or throws.
func withStreamingServer<T>(
    topic: String = "events",
    partitions: Int = 1,
    credentials: (key: String, secret: String)? = nil,
    _ body: (KafkaRESTTestServer, AsyncHTTPClientTransport) async throws -> T
) async throws -> T {
    try await withTestServer(credentials: credentials) { server in
        server.createTopic(topic, partitionsCount: partitions)
        return try await withTransport(baseURL: server.baseURL) { transport in
            try await body(server, transport)
        }
    }
}

/// The produce path of `topic` on the test server's cluster.
func streamingPath(_ server: KafkaRESTTestServer, topic: String = "events") -> String {
    "/clusters/\(server.clusterID)/topics/\(topic)/records"
}

/// Records whose string values `"<prefix>-<i>"` name their position.
func streamingRecords(_ count: Int, prefix: String = "r", partition: (Int) -> Int32? = { _ in nil }) -> [KafkaRecord] {
    (0..<count).map { KafkaRecord(value: .string("\(prefix)-\($0)"), partition: partition($0)) }
}

/// Producer options for tests: no waiting between resends.
func streamingOptions(
    maxInFlight: Int = 100,
    retryBudget: StreamingProducer.RetryBudget = StreamingProducer.RetryBudget(),
    resendUnknown: Bool = false
) -> StreamingProducer.Options {
    StreamingProducer.Options(
        maxInFlight: maxInFlight,
        retryBudget: retryBudget,
        backoff: .none,
        resendUnknown: resendUnknown
    )
}

/// Produces `records` through `transport` and returns the results in the order they came,
/// checking that every record is reported exactly once.
func streamAll(
    _ records: [KafkaRecord],
    transport: any APITransport,
    path: String,
    options: StreamingProducer.Options,
    logger: Logger? = nil
) async throws -> [ProduceResult] {
    var results: [ProduceResult] = []
    for try await result in StreamingProducer.produce(records.async, transport: transport, path: path, options: options, logger: logger) {
        results.append(result)
    }
    #expect(results.map(\.index).sorted() == Array(records.indices), "every record is reported exactly once")
    return results
}

/// The string value of a stored record, as written by ``streamingRecords(_:prefix:partition:)``.
func storedValue(_ record: KafkaRESTTestServer.ProducedRecord) -> String? {
    record.value?.data?.value?.stringValue
}

extension RecordOutcome {
    /// The report, if delivered.
    var asDelivered: DeliveryReport? {
        if case .delivered(let report) = self { report } else { nil }
    }

    /// The error, if failed.
    var asFailed: KafkaRESTError? {
        if case .failed(let error) = self { error } else { nil }
    }

    /// Whether the outcome is unknown.
    var wasUnknown: Bool {
        if case .unknown = self { true } else { false }
    }
}

extension Array where Element: Sendable {
    /// The elements as an `AsyncSequence`.
    var async: AsyncStream<Element> {
        AsyncStream { continuation in
            for element in self {
                continuation.yield(element)
            }
            continuation.finish()
        }
    }
}
