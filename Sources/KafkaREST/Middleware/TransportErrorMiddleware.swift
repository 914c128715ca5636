/// Wraps a ``TransportFailure`` that reaches the top of the chain in a ``KafkaRESTError`` of
/// kind ``KafkaRESTError/Kind/transport``, so callers of the operations catch one error type.
///
/// The message says what the phase means for the request, for example that a POST may have
/// been processed when no response arrived; the failure is the ``KafkaRESTError/underlyingError``.
struct TransportErrorMiddleware: Middleware {
    func intercept(
        _ request: APIRequest,
        next: @Sendable (APIRequest) async throws -> APIResponse
    ) async throws -> APIResponse {
        do {
            return try await next(request)
        } catch let failure as TransportFailure {
            throw Self.error(failure, request)
        }
    }

    func interceptStream(
        _ request: APIRequest,
        next: @Sendable (APIRequest) async throws -> StreamedResponse
    ) async throws -> StreamedResponse {
        do {
            return try await next(request)
        } catch let failure as TransportFailure {
            throw Self.error(failure, request)
        }
    }

    private static func error(_ failure: TransportFailure, _ request: APIRequest) -> KafkaRESTError {
        KafkaRESTError(
            kind: .transport,
            operationID: request.operationID,
            message: "\(failure.explanation): \(failure.underlying)",
            underlyingError: failure
        )
    }
}
