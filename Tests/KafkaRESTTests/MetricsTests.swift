import Foundation
@testable import KafkaREST
import MetricsTestKit
import Testing
import TransportDoubles

@Suite("Metrics")
struct MetricsTests {
    private func client(_ metrics: TestMetrics, transport: any APITransport, retry: RetryPolicy = .none) throws -> KafkaRESTClient {
        var configuration = testConfiguration(retry: retry)
        configuration.metricsFactory = metrics
        return try KafkaRESTClient(configuration: configuration, transport: transport)
    }

    @Test("a 429 storm: one call counted by its final status, every 429 and every retry counted, one duration")
    func rateLimitStorm() async throws {
        let metrics = TestMetrics()
        let transport = ScriptedTransport([.status(429), .status(429), .status(429), .json(200, topicPage(["orders"], next: "null"))])
        let kafka = try client(metrics, transport: transport, retry: RetryPolicy(maxAttempts: 5, initialBackoff: .zero, maxBackoff: .zero))
        _ = try await kafka.topic.listKafkaTopics(clusterID: "lkc-1")
        let operation = ("operation", "listKafkaTopics")
        #expect(try metrics.expectCounter(MetricNames.requests, [operation, ("status_class", "2xx")]).totalValue == 1)
        #expect(try metrics.expectCounter(MetricNames.rateLimited, [operation]).totalValue == 3)
        #expect(try metrics.expectCounter(MetricNames.retries, [operation, ("reason", "429")]).totalValue == 3)
        #expect(try metrics.expectTimer(MetricNames.requestDuration, [operation]).values.count == 1)
    }

    @Test("error statuses and failures are counted by class")
    func statusClasses() async throws {
        let metrics = TestMetrics()
        let transport = ScriptedTransport([
            .json(404, #"{"error_code":40403,"message":"no"}"#),
            .failure(TransportFailure(phase: .awaitingResponse, underlying: CancellationError())),
        ])
        let kafka = try client(metrics, transport: transport)
        _ = try? await kafka.topic.getKafkaTopic(clusterID: "lkc-1", topicName: "t")
        _ = try? await kafka.topic.getKafkaTopic(clusterID: "lkc-1", topicName: "t")
        let operation = ("operation", "getKafkaTopic")
        #expect(try metrics.expectCounter(MetricNames.requests, [operation, ("status_class", "4xx")]).totalValue == 1)
        #expect(try metrics.expectCounter(MetricNames.requests, [operation, ("status_class", "error")]).totalValue == 1)
    }

    @Test("a producer counts records by outcome, writes, resends and bytes, and its gauges end at zero")
    func producerCounts() async throws {
        let metrics = TestMetrics()
        let fake = ProduceFakeKafka(answer: { value, attempt in
            if value == .integer(3) && attempt == 0 { return 429 }
            if value == .integer(5) { return 400 }
            return nil
        })
        let kafka = try client(metrics, transport: fake)
        let producer = try kafka.streamingProducer(topic: "orders", options: .init(backoff: .none))
        let reader = Task { await producer.results.reduce(0) { count, _ in count + 1 } }
        for record in numberedRecords(20) {
            try await producer.send(record)
        }
        await producer.finish()
        #expect(await reader.value == 20)
        let topic = ("topic", "orders")
        #expect(try metrics.expectCounter(MetricNames.producerRecords, [topic, ("outcome", "delivered")]).totalValue == 19)
        #expect(try metrics.expectCounter(MetricNames.producerRecords, [topic, ("outcome", "failed")]).totalValue == 1)
        #expect(try metrics.expectCounter(MetricNames.producerResends, [topic]).totalValue == 1)
        #expect(try metrics.expectCounter(MetricNames.producerRecordsSent, [topic]).totalValue == 21)
        #expect(try metrics.expectCounter(MetricNames.producerBytesSent, [topic]).totalValue > 21 * 10)
        #expect(try metrics.expectGauge(MetricNames.producerInFlight, [topic]).lastValue == 0)
        #expect(try metrics.expectGauge(MetricNames.producerOpenStreams, [topic]).values.max() == 1)
        #expect(try metrics.expectGauge(MetricNames.producerOpenStreams, [topic]).lastValue == 0)
    }
}
