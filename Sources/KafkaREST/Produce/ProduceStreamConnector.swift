import Foundation

/// Opens streaming produce requests; the HTTP layer under a ``StreamingProducer``.
///
/// An implementation sends `POST <path>` with `Transfer-Encoding: chunked` and
/// `Content-Type: application/json`, writes each chunk of `body` as it comes, and returns
/// once the server has answered 200; any other status is thrown as a ``KafkaRESTError`` of
/// kind ``KafkaRESTError/Kind/http`` (its ``KafkaRESTError/isRetryable`` decides whether the
/// producer tries again). The body ends when the producer finishes `body`; cancelling the
/// iteration of the returned stream aborts the request.
///
/// A connector that can renew its credentials (a bearer token) says so with
/// ``canRenewCredentials``; after a stream was refused with 401 the producer then opens the next
/// one with ``openStream(path:body:renewingCredentials:)`` once before giving up.
public protocol ProduceStreamConnector: Sendable {
    /// Opens one streaming produce request: `body` is written as records come; the returned
    /// stream yields the response body bytes (concatenated delivery reports) as they arrive.
    func openStream(path: String, body: AsyncStream<Data>) async throws -> AsyncThrowingStream<Data, any Error>

    /// Whether ``openStream(path:body:renewingCredentials:)`` can get new credentials.
    var canRenewCredentials: Bool { get }

    /// Opens a stream as ``openStream(path:body:)`` does; with `renewingCredentials`, first
    /// renews the credentials (a bearer token provider is asked with `forceRefresh: true`).
    func openStream(path: String, body: AsyncStream<Data>, renewingCredentials: Bool) async throws -> AsyncThrowingStream<Data, any Error>
}

extension ProduceStreamConnector {
    /// `false`: a connector renews nothing unless it says otherwise.
    public var canRenewCredentials: Bool { false }

    /// ``openStream(path:body:)``, for connectors without credentials to renew.
    public func openStream(path: String, body: AsyncStream<Data>, renewingCredentials: Bool) async throws -> AsyncThrowingStream<Data, any Error> {
        try await openStream(path: path, body: body)
    }
}
