import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

extension AsyncHTTPClientTransport: ProduceStreamConnector {
    /// The `operationId` streamed produce requests and their errors carry.
    static let produceOperationID = "produceRecord"
    /// The most bytes read from the body of a refused stream (a non-200 answer) for its error.
    static let refusalBodyLimit = 64 * 1024

    /// Opens a streaming produce request without extra headers; see
    /// ``openStream(path:body:headers:)``.
    public func openStream(path: String, body: AsyncStream<Data>) async throws -> AsyncThrowingStream<Data, any Error> {
        try await openStream(path: path, body: body, headers: KafkaRESTSupport.HTTPHeaders())
    }

    /// Opens one streaming produce request: `POST <baseURL><path>` with
    /// `Transfer-Encoding: chunked` and `Content-Type: application/json`, writing `body` as it
    /// comes (what arrives while a chunk is being written goes out together in the next
    /// chunk), full duplex on one connection.
    ///
    /// Returns when the response head has arrived with status 200; the stream then yields the
    /// response body (the delivery reports) as it arrives and ends when the server ends the
    /// response. Neither the request nor the response body has a time limit, since a stream
    /// lives as long as its producer writes to it; only establishing the connection is bounded
    /// (by ``Timeouts/connect`` for a client the transport created). Cancelling the task that
    /// waits for the head or iterates the stream, or dropping the stream, aborts the request
    /// and closes its connection.
    ///
    /// - Parameters:
    ///   - path: The path relative to ``baseURL``, percent-encoded, such as
    ///     `/clusters/lkc-1/topics/orders/records`.
    ///   - body: The request body; the request ends when it finishes.
    ///   - headers: Headers to send as well, such as `Authorization`; `Content-Type` is always
    ///     `application/json`.
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest`` before
    ///   anything is sent if a segment of `path` is empty, `.` or `..`; of kind
    ///   ``KafkaRESTError/Kind/http`` built from the response
    ///   (status, `error_code`, message, `Retry-After`) for a status other than 200;
    ///   ``TransportFailure`` or ``KafkaRESTError`` as classified by ``TransportFailureClassifier``
    ///   when the request fails; `CancellationError` when the task is cancelled. The returned
    ///   stream throws the same kinds of errors when the connection breaks mid-stream.
    public func openStream(
        path: String,
        body: AsyncStream<Data>,
        headers: KafkaRESTSupport.HTTPHeaders
    ) async throws -> AsyncThrowingStream<Data, any Error> {
        let operationID = Self.produceOperationID
        let target = APIRequest(operationID: operationID, method: .post, pathTemplate: path, path: path)
        try target.checkPathSegments()
        var request = HTTPClientRequest(url: target.url(relativeTo: baseURL).absoluteString)
        request.method = .POST
        for (name, value) in headers {
            request.headers.add(name: name, value: value)
        }
        request.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
        request.body = .stream(CoalescingRequestBody(body), length: .unknown)
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, deadline: .distantFuture)
        } catch {
            throw TransportFailureClassifier.translate(error, operationID: operationID)
        }
        guard response.status == .ok else {
            throw await refusal(response, operationID: operationID)
        }
        return ResponseBodyReader(response.body, operationID: operationID).stream
    }

    /// The error for a stream the server refused: the response with as much of its body as
    /// arrives within ``Timeouts/request``, up to ``refusalBodyLimit`` bytes.
    private func refusal(_ response: HTTPClientResponse, operationID: String) async -> KafkaRESTError {
        let limit = Self.refusalBodyLimit
        let timeout = timeouts.request
        let body = await withTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try? await response.body.collect(upTo: limit) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            return await group.next() ?? nil
        }
        return APIResponse(
            status: Int(response.status.code),
            headers: KafkaRESTSupport.HTTPHeaders(response.headers.map { (name: $0.name, value: $0.value) }),
            body: body.map { Data($0.readableBytesView) } ?? Data()
        ).error(operationID: operationID)
    }
}
