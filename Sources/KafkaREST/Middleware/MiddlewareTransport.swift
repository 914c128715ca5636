/// A transport that runs requests through middlewares before a wrapped transport.
///
/// `middlewares[0]` is the outermost: it sees the request first and the response last.
public struct MiddlewareTransport: APITransport {
    /// The transport that finally sends requests.
    public let transport: any APITransport
    /// The middlewares, outermost first.
    public let middlewares: [any Middleware]

    /// Creates the chain `middlewares[0] → middlewares[1] → … → transport`.
    public init(transport: any APITransport, middlewares: [any Middleware]) {
        self.transport = transport
        self.middlewares = middlewares
    }

    /// Sends `request` through the middlewares and the transport.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest``, before any
    ///   middleware runs, if a segment of the request's path is empty, `.` or `..`
    ///   (``APIRequest/checkPathSegments()``); otherwise what the chain throws.
    public func send(_ request: APIRequest) async throws -> APIResponse {
        try request.checkPathSegments()
        return try await send(request, from: middlewares[...])
    }

    private func send(_ request: APIRequest, from remaining: ArraySlice<any Middleware>) async throws -> APIResponse {
        guard let first = remaining.first else {
            return try await transport.send(request)
        }
        let rest = remaining.dropFirst()
        return try await first.intercept(request) { try await self.send($0, from: rest) }
    }
}
