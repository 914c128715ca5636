/// A step in the chain between the generated operations and the transport, which may change
/// the request, repeat it, or inspect the response.
///
/// ``MiddlewareTransport`` calls the first middleware with a `next` function that runs the
/// rest of the chain and finally the transport.
public protocol Middleware: Sendable {
    /// Handles `request`, calling `next` zero or more times to send it on.
    func intercept(
        _ request: APIRequest,
        next: @Sendable (APIRequest) async throws -> APIResponse
    ) async throws -> APIResponse
}
