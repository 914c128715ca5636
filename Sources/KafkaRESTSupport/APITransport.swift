/// Sends requests over HTTP; the generated endpoint functions call it.
///
/// A transport resolves ``APIRequest/url(relativeTo:)`` against its base URL, adds the body's
/// `Content-Type` and any authentication, and returns the response whatever its status.
/// Implementations throw ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/transport`` when no
/// response was received.
public protocol APITransport: Sendable {
    /// Sends `request` and returns the server's response, including error statuses.
    func send(_ request: APIRequest) async throws -> APIResponse
}
