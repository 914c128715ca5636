import Metrics

/// Counts calls by operation and final status class, times them, and (through
/// ``RetryMiddleware`` inside it) counts retries by reason and 429 answers; see ``MetricNames``.
///
/// Place it outside ``RetryMiddleware`` so a call counts once, whatever its attempts;
/// ``KafkaRESTClient`` does.
public struct MetricsMiddleware: Middleware {
    /// Where the metrics go.
    public let factory: any MetricsFactory

    /// Creates the middleware; `factory` is `MetricsSystem.factory` unless given.
    public init(factory: (any MetricsFactory)? = nil) {
        self.factory = factory ?? MetricsSystem.factory
    }

    /// Sends `request`, counting and timing it.
    public func intercept(
        _ request: APIRequest,
        next: @Sendable (APIRequest) async throws -> APIResponse
    ) async throws -> APIResponse {
        let start = ContinuousClock.now
        let recorder = OperationMetrics(operation: request.operationID, factory: factory)
        do {
            let response = try await OperationMetrics.$current.withValue(recorder) { try await next(request) }
            record(request, statusClass: "\(response.status / 100)xx", since: start)
            return response
        } catch {
            record(request, statusClass: "error", since: start)
            throw error
        }
    }

    private func record(_ request: APIRequest, statusClass: String, since start: ContinuousClock.Instant) {
        Counter(label: MetricNames.requests, dimensions: [("operation", request.operationID), ("status_class", statusClass)], factory: factory)
            .increment()
        let elapsed = start.duration(to: .now)
        Timer(label: MetricNames.requestDuration, dimensions: [("operation", request.operationID)], factory: factory)
            .recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
    }
}

/// What ``RetryMiddleware`` reports about the call being sent inside ``MetricsMiddleware``.
struct OperationMetrics: Sendable {
    /// The recorder of the call being sent, if metrics are on.
    @TaskLocal static var current: OperationMetrics?

    let operation: String
    let factory: any MetricsFactory

    /// Counts a retry of an attempt that ended with `outcome`.
    func retried(after outcome: Result<APIResponse, any Error>) {
        let reason: String
        switch outcome {
        case .success(let response): reason = response.status == 429 ? "429" : "5xx"
        case .failure: reason = "transport"
        }
        Counter(label: MetricNames.retries, dimensions: [("operation", operation), ("reason", reason)], factory: factory).increment()
    }

    /// Counts an attempt answered with 429.
    func rateLimited() {
        Counter(label: MetricNames.rateLimited, dimensions: [("operation", operation)], factory: factory).increment()
    }
}
