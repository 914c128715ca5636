import Foundation
import InMemoryTracing
import KafkaREST
import KafkaRESTTesting
import MetricsTestKit
import Testing
import Tracing

/// Every metric and span one scripted produce run emits, compared as whole lists, so a
/// metric or span that appears, disappears or changes its dimensions fails here (the
/// README's metrics table and ``MetricNames`` describe the same set).
@Suite("Telemetry catalogue")
struct TelemetryCatalogueTests {
    /// Every name in ``MetricNames``.
    static let metricNames = [
        MetricNames.requests, MetricNames.requestDuration, MetricNames.retries, MetricNames.rateLimited,
        MetricNames.producerRecords, MetricNames.producerRecordsSent, MetricNames.producerResends,
        MetricNames.producerBytesSent, MetricNames.producerInFlight, MetricNames.producerOpenStreams,
        MetricNames.producerStreamRotations,
    ]

    @Test("the README's metrics table lists every metric the client has, and no other")
    func readmeTable() throws {
        let readme = try String(
            contentsOf: URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("README.md"),
            encoding: .utf8
        )
        let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `kafka_rest_") }
        let documented = rows.compactMap { $0.split(separator: "`").dropFirst().first.map(String.init) }
        #expect(documented == Self.metricNames)
    }

    @Test("a produce run (one record after two 429s, a records:batch, a stream with a 429, a failed record and a 408 rotation) emits exactly these metrics and spans")
    func scriptedProduceRun() async throws {
        let metrics = TestMetrics()
        let tracer = InMemoryTracer()
        try await withTestServer { server in
            server.createTopic("orders", partitionsCount: 2)
            var configuration = try KafkaRESTConfiguration.selfManaged(url: "http://127.0.0.1:\(server.port)", clusterID: server.clusterID)
            configuration.retry = RetryPolicy(maxAttempts: 4, initialBackoff: .zero, maxBackoff: .zero)
            configuration.metricsFactory = metrics
            configuration.tracer = tracer
            let kafka = try KafkaRESTClient(configuration: configuration)
            do {
                try await tracer.withSpan("caller") { _ in
                    server.inject(.rateLimitedHTML, times: 2, matching: ProduceOperation.id)
                    _ = try await kafka.produce(KafkaRecord(value: .string("one")), to: "orders")
                    let batch = try await kafka.produceBatch(streamingRecords(3, prefix: "b"), to: "orders")
                    #expect(batch.allSatisfy { $0.outcome.delivery != nil })

                    server.setStreamFaults { stream in
                        guard stream == 0 else { return .none }
                        return StreamFaults(
                            recordError: { position in
                                switch position.index {
                                case 0: StreamFaults.RecordError(code: 400)
                                case 2: StreamFaults.RecordError(code: 429)
                                default: nil
                                }
                            },
                            tooLongAfterRecords: 8
                        )
                    }
                    let producer = try kafka.streamingProducer(topic: "orders", options: streamingOptions(maxInFlight: 4))
                    let results = Task { await producer.results.reduce(into: [ProduceResult]()) { $0.append($1) } }
                    try await producer.send(contentsOf: streamingRecords(12))
                    await producer.finish()
                    let reported = await results.value
                    #expect(reported.count == 12)
                    #expect(reported.filter { $0.outcome.delivery == nil }.map(\.index) == [0])
                }
                try await kafka.shutdown()
            } catch {
                try? await kafka.shutdown()
                throw error
            }
        }

        let emitted = metrics.counters.filter { $0.totalValue > 0 }.map { "counter \($0.label) \(Self.describe($0.dimensions))" }
            + metrics.recorders.map { "gauge \($0.label) \(Self.describe($0.dimensions))" }
            + metrics.timers.map { "timer \($0.label) \(Self.describe($0.dimensions))" }
        #expect(Set(metrics.counters.map(\.label) + metrics.recorders.map(\.label) + metrics.timers.map(\.label)).isSubset(of: Self.metricNames))
        #expect(Set(emitted).sorted() == [
            "counter kafka_rest_producer_bytes_sent_total topic=orders",
            "counter kafka_rest_producer_records_sent_total topic=orders",
            "counter kafka_rest_producer_records_total outcome=delivered topic=orders",
            "counter kafka_rest_producer_records_total outcome=failed topic=orders",
            "counter kafka_rest_producer_resends_total topic=orders",
            "counter kafka_rest_producer_stream_rotations_total topic=orders",
            "counter kafka_rest_rate_limited_total operation=produceRecord",
            "counter kafka_rest_requests_total operation=produceRecord status_class=2xx",
            "counter kafka_rest_requests_total operation=produceRecordsBatch status_class=2xx",
            "counter kafka_rest_retries_total operation=produceRecord reason=429",
            "gauge kafka_rest_producer_in_flight topic=orders",
            "gauge kafka_rest_producer_open_streams topic=orders",
            "timer kafka_rest_request_duration_seconds operation=produceRecord",
            "timer kafka_rest_request_duration_seconds operation=produceRecordsBatch",
        ])

        let caller = try #require(tracer.finishedSpans.first { $0.operationName == "caller" })
        let spans = tracer.finishedSpans.filter { $0.operationName != "caller" }
        #expect(spans.allSatisfy { $0.parentSpanID == caller.spanID }, "every span is the caller's child")
        #expect(tracer.activeSpans.isEmpty)
        #expect(spans.map { "\($0.operationName) \(Self.describe($0.attributes))" } == [
            "produceRecord http.request.method=POST http.response.status_code=200 kafka.cluster.id=test-cluster kafka_rest.retry_count=2 messaging.destination.name=orders messaging.system=kafka url.template=/clusters/{cluster_id}/topics/{topic_name}/records",
            "produceRecordsBatch http.request.method=POST http.response.status_code=207 kafka.cluster.id=test-cluster messaging.destination.name=orders messaging.system=kafka url.template=/clusters/{cluster_id}/topics/{topic_name}/records:batch",
            // The stream retired after its 408s, then the one that took over.
            "produceRecord http.request.method=POST http.response.status_code=200 kafka.cluster.id=test-cluster messaging.destination.name=orders messaging.system=kafka url.template=/clusters/{cluster_id}/topics/{topic_name}/records",
            "produceRecord http.request.method=POST http.response.status_code=200 kafka.cluster.id=test-cluster messaging.destination.name=orders messaging.system=kafka url.template=/clusters/{cluster_id}/topics/{topic_name}/records",
        ])
    }

    private static func describe(_ dimensions: [(String, String)]) -> String {
        dimensions.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
    }

    private static func describe(_ attributes: SpanAttributes) -> String {
        var pairs: [String] = []
        attributes.forEach { key, value in
            switch value {
            case .string(let text): pairs.append("\(key)=\(text)")
            case .int64(let number): pairs.append("\(key)=\(number)")
            default: pairs.append("\(key)=\(value)")
            }
        }
        return pairs.sorted().joined(separator: " ")
    }
}
