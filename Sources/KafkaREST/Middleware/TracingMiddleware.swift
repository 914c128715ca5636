import Foundation
import Tracing

/// Records one client span per operation, named by its `operationId`, around all of its
/// attempts (place it outside ``RetryMiddleware``; ``KafkaRESTClient`` does), and one per
/// produce stream, parented to the caller's `ServiceContext`, from its opening until its
/// response body ends.
///
/// Attributes (OpenTelemetry names where there is one): `http.request.method`, `url.template`
/// (the path template, such as `/clusters/{cluster_id}/topics/{topic_name}`),
/// `http.response.status_code`, `kafka.cluster.id` and `messaging.destination.name` (the
/// topic) when the path names them, `messaging.system` = `kafka`, and
/// `kafka_rest.retry_count` when the call was retried. A status of 400 or more sets
/// `error.type` to the status and marks the span as failed; a thrown error is recorded on it.
/// No header, body or query value is recorded.
public struct TracingMiddleware: Middleware {
    /// The tracer the spans go to.
    public let tracer: any Tracer

    /// Creates the middleware.
    public init(tracer: any Tracer) {
        self.tracer = tracer
    }

    /// Sends `request` inside its operation's span.
    public func intercept(
        _ request: APIRequest,
        next: @Sendable (APIRequest) async throws -> APIResponse
    ) async throws -> APIResponse {
        try await tracer.withSpan(request.operationID, ofKind: .client) { span in
            describe(request, on: span)
            let response = try await OperationSpan.$current.withValue(span) { try await next(request) }
            record(status: response.status, on: span)
            return response
        }
    }

    /// Sends a streamed `request` inside a span that lasts until its response body ends (or
    /// fails, or is dropped), so the span covers the stream's whole life, not only its opening.
    public func interceptStream(
        _ request: APIRequest,
        next: @Sendable (APIRequest) async throws -> StreamedResponse
    ) async throws -> StreamedResponse {
        let span = tracer.startSpan(request.operationID, context: ServiceContext.current ?? .topLevel, ofKind: .client)
        describe(request, on: span)
        var response: StreamedResponse
        do {
            response = try await ServiceContext.$current.withValue(span.context) {
                try await OperationSpan.$current.withValue(span) { try await next(request) }
            }
        } catch {
            span.recordError(error)
            span.setStatus(SpanStatus(code: .error))
            span.end()
            throw error
        }
        record(status: response.status, on: span)
        response.body = SpanEndingBody(response.body, span: span).stream
        return response
    }

    private func describe(_ request: APIRequest, on span: any Span) {
        span.attributes["http.request.method"] = request.method.rawValue
        span.attributes["url.template"] = request.pathTemplate
        span.attributes["messaging.system"] = "kafka"
        for (name, value) in request.pathParameters {
            switch name {
            case "cluster_id": span.attributes["kafka.cluster.id"] = value
            case "topic_name": span.attributes["messaging.destination.name"] = value
            default: break
            }
        }
    }

    private func record(status code: Int, on span: any Span) {
        span.attributes["http.response.status_code"] = code
        if code >= 400 {
            span.attributes["error.type"] = "\(code)"
            span.setStatus(SpanStatus(code: .error))
        }
    }
}

/// A streamed response body that ends its span when the body ends: at its last chunk, at a
/// failure (recorded on the span), or when the reader drops it unfinished. Chunks are read in
/// the reader's own task, so tracing adds no hop between tasks.
private final class SpanEndingBody: @unchecked Sendable {
    // One reader at a time: `AsyncThrowingStream(unfolding:)` calls `next` from the task
    // that iterates, one call after another.
    private var chunks: AsyncThrowingStream<Data, any Error>.AsyncIterator
    private var span: (any Span)?

    init(_ body: AsyncThrowingStream<Data, any Error>, span: any Span) {
        self.chunks = body.makeAsyncIterator()
        self.span = span
    }

    var stream: AsyncThrowingStream<Data, any Error> {
        AsyncThrowingStream(unfolding: { try await self.next() })
    }

    private func next() async throws -> Data? {
        do {
            guard let chunk = try await chunks.next() else {
                endSpan()
                return nil
            }
            return chunk
        } catch {
            span?.recordError(error)
            span?.setStatus(SpanStatus(code: .error))
            endSpan()
            throw error
        }
    }

    private func endSpan() {
        span?.end()
        span = nil
    }

    deinit {
        span?.end()
    }
}

/// The span of the operation being sent, for the middlewares inside ``TracingMiddleware``
/// (``RetryMiddleware`` counts its retries on it).
enum OperationSpan {
    @TaskLocal static var current: (any Span)?
}
