import AsyncHTTPClient
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

    @Test("the HTTP client a transport creates records no span of its own, so an operation has one client span")
    func transportClientRecordsNoSpans() {
        #expect(HTTPClient.Configuration().tracing.tracer != nil, "async-http-client traces by default")
        #expect(AsyncHTTPClientTransport.configuration(Timeouts()).tracing.tracer == nil)
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
            var results = producer.results.makeAsyncIterator()
            try await producer.send(numberedRecords(1)[0])
            _ = await results.next()
            let open = tracer.activeSpans.filter { $0.operationName == ProduceOperation.id }
            #expect(open.count == 1, "the stream's span lasts while the stream is open")
            #expect(!tracer.finishedSpans.contains { $0.operationName == ProduceOperation.id })
            for record in numberedRecords(2) {
                try await producer.send(record)
            }
            await producer.finish()
            var count = 1
            while await results.next() != nil { count += 1 }
            #expect(count == 3)
            return span.spanID
        }
        #expect(tracer.activeSpans.filter { $0.operationName == ProduceOperation.id }.isEmpty)
        let stream = try #require(tracer.finishedSpans.first { $0.operationName == ProduceOperation.id })
        #expect(stream.parentSpanID == parentID)
        #expect(stream.parentSpanID != nil)
        #expect(stream.attributes["messaging.destination.name"]?.toSpanAttribute() == "orders".toSpanAttribute())
    }

    @Test("a stream's span ends when its body fails, with the failure recorded on it")
    func streamSpanFailure() async throws {
        let tracer = InMemoryTracer()
        let middleware = TracingMiddleware(tracer: tracer)
        let response = try await middleware.interceptStream(streamRequest()) { _ in
            StreamedResponse(
                status: 200,
                body: AsyncThrowingStream { continuation in
                    continuation.yield(Data("{}".utf8))
                    continuation.finish(throwing: KafkaRESTError(kind: .transport, message: "connection reset"))
                }
            )
        }
        #expect(tracer.finishedSpans.isEmpty, "open until the body ends")
        var chunks = 0
        await #expect(throws: KafkaRESTError.self) {
            for try await _ in response.body { chunks += 1 }
        }
        #expect(chunks == 1)
        let span = try #require(tracer.finishedSpans.first)
        #expect(span.operationName == ProduceOperation.id)
        #expect(span.status?.code == .error)
        #expect(span.errors.count == 1)
        #expect(span.attributes["http.response.status_code"]?.toSpanAttribute() == 200.toSpanAttribute())
    }

    @Test("a stream's span ends when its body is dropped unread, and when opening it fails")
    func streamSpanDroppedOrRefused() async throws {
        let tracer = InMemoryTracer()
        let middleware = TracingMiddleware(tracer: tracer)
        var response: StreamedResponse? = try await middleware.interceptStream(streamRequest()) { _ in
            StreamedResponse(status: 200, body: AsyncThrowingStream { _ in })
        }
        #expect(response?.status == 200)
        #expect(tracer.activeSpans.count == 1)
        response = nil
        #expect(tracer.activeSpans.isEmpty)
        #expect(tracer.finishedSpans.count == 1)
        #expect(tracer.finishedSpans.first?.status == nil, "dropping the body is not a failure")

        await #expect(throws: KafkaRESTError.self) {
            _ = try await middleware.interceptStream(streamRequest()) { _ in
                throw KafkaRESTError(kind: .transport, message: "connection refused")
            }
        }
        let refused = try #require(tracer.finishedSpans.last)
        #expect(tracer.finishedSpans.count == 2)
        #expect(refused.status?.code == .error)
        #expect(refused.errors.count == 1)
    }

    private func streamRequest() -> APIRequest {
        APIRequest(
            operationID: ProduceOperation.id,
            method: .post,
            pathTemplate: "/clusters/{cluster_id}/topics/{topic_name}/records",
            path: "/clusters/lkc-1/topics/orders/records"
        )
    }
}
