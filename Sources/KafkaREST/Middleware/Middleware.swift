/// A step in the chain between the generated operations and the transport, which may change
/// the request, repeat it, or inspect the response.
///
/// ``MiddlewareTransport`` calls the first middleware with a `next` function that runs the
/// rest of the chain and finally the transport. Streamed requests (``APITransport/stream(_:)``,
/// used by streaming produce) pass the same chain through ``interceptStream(_:next:)``, which by
/// default hands the request on unchanged.
public protocol Middleware: Sendable {
    /// Handles `request`, calling `next` zero or more times to send it on.
    func intercept(
        _ request: APIRequest,
        next: @Sendable (APIRequest) async throws -> APIResponse
    ) async throws -> APIResponse

    /// Handles a streamed `request`, whose response body is read as it arrives; `next` sends it
    /// on. A body that can be read only once (``RequestBody/stream(_:contentType:)``) must not
    /// be sent again once any of it was read.
    func interceptStream(
        _ request: APIRequest,
        next: @Sendable (APIRequest) async throws -> StreamedResponse
    ) async throws -> StreamedResponse
}

extension Middleware {
    /// Hands the streamed request on unchanged.
    public func interceptStream(
        _ request: APIRequest,
        next: @Sendable (APIRequest) async throws -> StreamedResponse
    ) async throws -> StreamedResponse {
        try await next(request)
    }
}
