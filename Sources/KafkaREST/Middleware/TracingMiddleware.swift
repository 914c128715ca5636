import Tracing

/// Records one client span per operation, named by its `operationId`, around all of its
/// attempts (place it outside ``RetryMiddleware``; ``KafkaRESTClient`` does), and one per
/// produce stream opened, parented to the caller's `ServiceContext`.
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
        try await traced(request) { try await next(request) } status: { $0.status }
    }

    /// Opens a streamed `request` inside a span that ends when the response head arrives.
    public func interceptStream(
        _ request: APIRequest,
        next: @Sendable (APIRequest) async throws -> StreamedResponse
    ) async throws -> StreamedResponse {
        try await traced(request) { try await next(request) } status: { $0.status }
    }

    private func traced<Response>(
        _ request: APIRequest,
        _ send: () async throws -> Response,
        status: (Response) -> Int
    ) async throws -> Response {
        try await tracer.withSpan(request.operationID, ofKind: .client) { span in
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
            let response = try await OperationSpan.$current.withValue(span) { try await send() }
            let code = status(response)
            span.attributes["http.response.status_code"] = code
            if code >= 400 {
                span.attributes["error.type"] = "\(code)"
                span.setStatus(SpanStatus(code: .error))
            }
            return response
        }
    }
}

/// The span of the operation being sent, for the middlewares inside ``TracingMiddleware``
/// (``RetryMiddleware`` counts its retries on it).
enum OperationSpan {
    @TaskLocal static var current: (any Span)?
}
