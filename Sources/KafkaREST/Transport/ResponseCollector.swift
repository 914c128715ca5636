import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// Gathers a whole response on the connection's event loop, up to a limit, for
/// ``AsyncHTTPClientTransport/send(_:)``: the head and then the body parts in order, with no
/// task hop per part. A body over the limit stops the request; the head is kept, so the
/// error can name the status.
final class ResponseCollector: HTTPClientResponseDelegate {
    /// The collected response.
    struct Response: Sendable {
        /// The response head.
        var head: HTTPResponseHead
        /// The body bytes.
        var body: ByteBuffer
    }

    /// The body grew past `limit` bytes; `head` is the response's.
    struct TooLarge: Error {
        var head: HTTPResponseHead
        var limit: Int
    }

    private struct State {
        var head: HTTPResponseHead?
        var body = ByteBuffer()
        var failure: (any Error)?
    }

    private let limit: Int
    /// Touched on the event loop only; the lock satisfies `Sendable` at the cost of an
    /// uncontended acquisition per callback.
    private let state = Mutex(State())

    /// A collector that accepts at most `limit` body bytes.
    init(limit: Int) {
        self.limit = limit
    }

    func didReceiveHead(task: HTTPClient.Task<Response>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        state.withLock { $0.head = head }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Response>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        let tooLarge: TooLarge? = state.withLock { state in
            guard state.failure == nil, let head = state.head else { return nil }
            guard state.body.readableBytes + buffer.readableBytes <= limit else {
                let error = TooLarge(head: head, limit: limit)
                state.failure = error
                return error
            }
            var part = buffer
            state.body.writeBuffer(&part)
            return nil
        }
        if let tooLarge {
            return task.eventLoop.makeFailedFuture(tooLarge)
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveError(task: HTTPClient.Task<Response>, _ error: any Error) {
        state.withLock { state in
            if state.failure == nil { state.failure = error }
        }
    }

    func didFinishRequest(task: HTTPClient.Task<Response>) throws -> Response {
        try state.withLock { state in
            if let failure = state.failure { throw failure }
            guard let head = state.head else { throw HTTPClientError.remoteConnectionClosed }
            return Response(head: head, body: state.body)
        }
    }
}
