import Foundation
import InMemoryTracing
@testable import KafkaREST
import Testing
import Tracing
import TransportDoubles

@Suite("Tracing")
struct TracingMiddlewareTests {
    private func client(_ tracer: InMemoryTracer, transport: any APITransport, retry: RetryPolicy = .none) throws -> KafkaRESTClient {
        var configuration = testConfiguration(retry: retry)
        configuration.tracer = tracer
        return try KafkaRESTClient(configuration: configuration, transport: transport)
    }

    @Test("one span per operation, named by its operationId, around all attempts, with route and Kafka attributes")
    func operationSpan() async throws {
        let tracer = InMemoryTracer()
        let transport = ScriptedTransport([.status(503), .json(200, topicPage(["orders"], next: "null"))])
        let kafka = try client(tracer, transport: transport, retry: RetryPolicy(maxAttempts: 3, initialBackoff: .zero, maxBackoff: .zero))
        _ = try await kafka.topic.listKafkaTopics(clusterID: "lkc-1")
        let spans = tracer.finishedSpans
        #expect(spans.map(\.operationName) == ["listKafkaTopics"])
        let span = try #require(spans.first)
        #expect(span.kind == .client)
        #expect(span.attributes["http.request.method"]?.toSpanAttribute() == "GET".toSpanAttribute())
        #expect(span.attributes["url.template"]?.toSpanAttribute() == "/clusters/{cluster_id}/topics".toSpanAttribute())
        #expect(span.attributes["kafka.cluster.id"]?.toSpanAttribute() == "lkc-1".toSpanAttribute())
        #expect(span.attributes["http.response.status_code"]?.toSpanAttribute() == 200.toSpanAttribute())
        #expect(span.attributes["kafka_rest.retry_count"]?.toSpanAttribute() == 1.toSpanAttribute())
        #expect(transport.requests.count == 2)
    }

    @Test("an error status marks the span failed with error.type; no header value is recorded")
    func errorStatus() async throws {
        let tracer = InMemoryTracer()
        let transport = ScriptedTransport([.json(404, #"{"error_code":40403,"message":"no such topic"}"#)])
        let kafka = try client(tracer, transport: transport)
        await #expect(throws: KafkaRESTError.self) {
            _ = try await kafka.topic.getKafkaTopic(clusterID: "lkc-1", topicName: "a/b")
        }
        let span = try #require(tracer.finishedSpans.first)
        #expect(span.operationName == "getKafkaTopic")
        #expect(span.status?.code == .error)
        #expect(span.attributes["error.type"]?.toSpanAttribute() == "404".toSpanAttribute())
        #expect(span.attributes["messaging.destination.name"]?.toSpanAttribute() == "a/b".toSpanAttribute(), "percent-decoded")
        var recorded: [String] = []
        span.attributes.forEach { key, value in recorded.append("\(key)=\(value)") }
        #expect(!recorded.joined().contains("s3cr3t"), "\(recorded)")
    }

    @Test("a produce stream's span is parented to the caller's span")
    func streamSpanParent() async throws {
        let tracer = InMemoryTracer()
        let fake = ProduceFakeKafka()
        let kafka = try client(tracer, transport: fake)
        let parentID: String = try await tracer.withSpan("caller") { span in
            let producer = try kafka.streamingProducer(topic: "orders")
            let reader = Task { await producer.results.reduce(0) { count, _ in count + 1 } }
            for record in numberedRecords(3) {
                try await producer.send(record)
            }
            await producer.finish()
            #expect(await reader.value == 3)
            return span.spanID
        }
        let stream = try #require(tracer.finishedSpans.first { $0.operationName == ProduceOperation.id })
        #expect(stream.parentSpanID == parentID)
        #expect(stream.parentSpanID != nil)
        #expect(stream.attributes["messaging.destination.name"]?.toSpanAttribute() == "orders".toSpanAttribute())
    }
}
