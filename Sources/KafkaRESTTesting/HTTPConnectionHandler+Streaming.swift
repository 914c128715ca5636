import KafkaRESTSupport
import NIOCore
import NIOHTTP1

extension IncomingRequest {
    /// Whether this is a produce request whose body is streamed (`Transfer-Encoding: chunked`).
    var isStreamedProduce: Bool {
        resolution.operationID == ProduceOperation.id
            && head.headers[canonicalForm: "Transfer-Encoding"].contains { $0.lowercased() == "chunked" }
    }
}

extension HTTPConnectionHandler {
    /// Starts serving a streamed produce request whose head just arrived.
    ///
    /// The request is recorded at once, without its body. An injected ``Fault`` applies to
    /// the stream's head: an error answer is sent before the body ends and the connection is
    /// then closed, ``Fault/closeConnection`` closes it at once, and ``Fault/delay(_:)`` holds
    /// back the 200 head (records that arrive meanwhile wait).
    func openStream(_ request: IncomingRequest, context: ChannelHandlerContext) {
        switch core.admit(request) {
        case nil:
            accept(request, after: nil, context: context)
        case .status(let status, let errorCode, let message):
            write(.error(status: status, code: errorCode ?? status, message: message), to: request, context: context, closing: true)
        case .rateLimitedHTML:
            write(.rateLimited(retryAfter: nil), to: request, context: context, closing: true)
        case .retryAfter(let seconds):
            write(.rateLimited(retryAfter: seconds), to: request, context: context, closing: true)
        case .redirect(let location):
            write(.redirect(to: location), to: request, context: context, closing: true)
        case .closeConnection:
            context.close(promise: nil)
        case .delay(let duration):
            accept(request, after: duration, context: context)
        }
    }

    /// Opens the stream (or answers why not) and writes the 200 head, after `delay` if given.
    private func accept(_ request: IncomingRequest, after delay: Duration?, context: ChannelHandlerContext) {
        switch core.openStream(request) {
        case .failure(let failure):
            write(failure.response, to: request, context: context, closing: true)
        case .success(let ticket):
            let session = StreamingProduceSession(core: core, ticket: ticket, head: request.head)
            stream = session
            if let delay {
                context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(delay)) {
                    session.start(context: context)
                }
            } else {
                session.start(context: context)
            }
        }
    }
}
