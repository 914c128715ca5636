import NIOCore
import NIOHTTP1

/// Serves one connection: collects each request as its parts arrive, applies injected
/// faults, and writes the answer of ``ServerCore``.
///
/// The head is routed as soon as it arrives; the body is gathered part by part. A streamed
/// produce request (chunked, see ``IncomingRequest/isStreamedProduce``) is instead handed to
/// a ``StreamingProduceSession`` at its head, which answers records while the body streams in.
final class HTTPConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let core: ServerCore
    private var incoming: IncomingRequest?
    /// The streamed produce request being served (or finishing its answer), if any.
    var stream: StreamingProduceSession?

    init(core: ServerCore) {
        self.core = core
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            let request = IncomingRequest(head: head, routes: core.routes)
            incoming = nil
            stream = nil
            if request.isStreamedProduce {
                openStream(request, context: context)
            } else {
                incoming = request
            }
        case .body(let buffer):
            if let stream {
                stream.receive(buffer, context: context)
            } else {
                incoming?.body.append(contentsOf: buffer.readableBytesView)
            }
        case .end:
            if let stream {
                stream.end(context: context)
                return
            }
            guard let request = incoming else { return }
            incoming = nil
            finish(request, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        stream?.connectionClosed()
        stream = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func finish(_ request: IncomingRequest, context: ChannelHandlerContext) {
        switch core.admit(request) {
        case nil:
            write(core.answer(request), to: request, context: context)
        case .status(let status, let errorCode, let message):
            write(.error(status: status, code: errorCode ?? status, message: message), to: request, context: context)
        case .rateLimitedHTML:
            write(.rateLimited(retryAfter: nil), to: request, context: context)
        case .retryAfter(let seconds):
            write(.rateLimited(retryAfter: seconds), to: request, context: context)
        case .redirect(let location):
            write(.redirect(to: location), to: request, context: context)
        case .closeConnection:
            context.close(promise: nil)
        case .delay(let duration):
            context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(duration)) {
                self.write(self.core.answer(request), to: request, context: context)
            }
        }
    }

    /// Writes `response`; with `closing`, or when the client asked for it, closes the
    /// connection afterwards.
    func write(
        _ response: ServerResponse,
        to request: IncomingRequest,
        context: ChannelHandlerContext,
        closing: Bool = false
    ) {
        guard context.channel.isActive else { return }
        var headers = NIOHTTP1.HTTPHeaders(response.headers.map { ($0.name, $0.value) })
        if response.status != 204 {
            headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        }
        let keepAlive = request.head.isKeepAlive && !closing
        if !keepAlive {
            headers.replaceOrAdd(name: "Connection", value: "close")
        }
        let head = HTTPResponseHead(
            version: request.head.version,
            status: HTTPResponseStatus(statusCode: response.status),
            headers: headers
        )
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !response.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
        }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            written.whenComplete { _ in channel.close(promise: nil) }
        }
    }
}
