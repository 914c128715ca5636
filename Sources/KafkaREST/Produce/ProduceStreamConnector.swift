import Foundation

/// Opens streaming produce requests; the HTTP layer under a ``StreamingProducer``.
///
/// An implementation sends `POST <path>` with `Transfer-Encoding: chunked` and
/// `Content-Type: application/json`, writes each chunk of `body` as it comes, and returns
/// once the server has answered 200; any other status is thrown as a ``KafkaRESTError`` of
/// kind ``KafkaRESTError/Kind/http`` (its ``KafkaRESTError/isRetryable`` decides whether the
/// producer tries again). The body ends when the producer finishes `body`; cancelling the
/// iteration of the returned stream aborts the request.
public protocol ProduceStreamConnector: Sendable {
    /// Opens one streaming produce request: `body` is written as records come; the returned
    /// stream yields the response body bytes (concatenated delivery reports) as they arrive.
    func openStream(path: String, body: AsyncStream<Data>) async throws -> AsyncThrowingStream<Data, any Error>
}
