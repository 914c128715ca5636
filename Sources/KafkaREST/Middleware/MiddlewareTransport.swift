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

    /// Sends a streamed `request` through the middlewares' ``Middleware/interceptStream(_:next:)``
    /// and the transport's ``APITransport/stream(_:)``.
    ///
    /// - Throws: As ``send(_:)``.
    public func stream(_ request: APIRequest) async throws -> StreamedResponse {
        try request.checkPathSegments()
        return try await stream(request, from: middlewares[...])
    }

    private func stream(_ request: APIRequest, from remaining: ArraySlice<any Middleware>) async throws -> StreamedResponse {
        guard let first = remaining.first else {
            return try await transport.stream(request)
        }
        let rest = remaining.dropFirst()
        return try await first.interceptStream(request) { try await self.stream($0, from: rest) }
    }
}
