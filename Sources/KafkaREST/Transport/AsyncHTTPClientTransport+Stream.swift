import AsyncHTTPClient
import Foundation
import NIOCore

extension AsyncHTTPClientTransport {
    /// Sends `request` full duplex on one connection and returns when the response head has
    /// arrived, whatever its status: a ``RequestBody/stream(_:contentType:)`` body goes out
    /// chunked as it is written (what is written while a chunk is on its way leaves together
    /// in the next one), and the response body is read as it arrives.
    ///
    /// Neither body has a time limit, since a produce stream lives as long as its producer
    /// writes to it; only establishing the connection is bounded (by ``Timeouts/connect`` for
    /// a client the transport created), and the caller bounds the wait for the head. Cancelling
    /// the task that waits for the head or iterates the body, or dropping the body, aborts the
    /// request and closes its connection.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest`` before
    ///   anything is sent if a segment of the path is empty, `.` or `..`; ``TransportFailure``
    ///   or ``KafkaRESTError`` as described for ``AsyncHTTPClientTransport`` when the request
    ///   fails; `CancellationError` when the task is cancelled. The body throws the same kinds
    ///   of errors when the connection breaks mid-stream.
    public func stream(_ request: APIRequest) async throws -> StreamedResponse {
        try request.checkPathSegments()
        let response: HTTPClientResponse
        do {
            response = try await client.execute(makeRequest(request), deadline: .distantFuture, logger: RequestLogger.current)
        } catch {
            throw TransportFailureClassifier.translate(error, operationID: request.operationID)
        }
        return StreamedResponse(
            status: Int(response.status.code),
            headers: APIHeaders(response.headers),
            body: ResponseBodyReader(response.body, operationID: request.operationID).stream
        )
    }
}
