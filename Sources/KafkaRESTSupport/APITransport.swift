/// Sends requests over HTTP; the generated endpoint functions call it.
///
/// A transport resolves ``APIRequest/url(relativeTo:)`` against its base URL, adds the body's
/// `Content-Type` and any authentication, and returns the response whatever its status.
/// Implementations throw ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/transport`` when no
/// response was received.
public protocol APITransport: Sendable {
    /// Sends `request` and returns the server's response, including error statuses.
    func send(_ request: APIRequest) async throws -> APIResponse

    /// Sends `request` (typically with a ``RequestBody/stream(_:contentType:)`` body, which the
    /// transport reads while the response arrives, full duplex) and returns as soon as the
    /// response head has arrived, whatever its status; the body is read as it comes.
    ///
    /// Streaming produce uses it. The default implementation throws: a transport that can
    /// stream implements it.
    func stream(_ request: APIRequest) async throws -> StreamedResponse
}

extension APITransport {
    /// Throws ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest``: this
    /// transport does not stream.
    public func stream(_ request: APIRequest) async throws -> StreamedResponse {
        throw KafkaRESTError(
            kind: .invalidRequest,
            operationID: request.operationID,
            message: "\(type(of: self)) cannot stream a request; implement APITransport.stream(_:) to use it for streaming produce"
        )
    }
}
