import NIOCore
import NIOHTTP1

/// Serves one connection: collects each request as its parts arrive, applies injected
/// faults, and writes the answer of ``ServerCore``.
///
/// The head is routed as soon as it arrives; the body is gathered part by part, so a
/// route that answers while the body still streams in can be added without changing how
/// requests are received.
final class HTTPConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let core: ServerCore
    private var incoming: IncomingRequest?

    init(core: ServerCore) {
        self.core = core
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            incoming = IncomingRequest(head: head, routes: core.routes)
        case .body(let buffer):
            incoming?.body.append(contentsOf: buffer.readableBytesView)
        case .end:
            guard let request = incoming else { return }
            incoming = nil
            finish(request, context: context)
        }
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

    private func write(_ response: ServerResponse, to request: IncomingRequest, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        var headers = NIOHTTP1.HTTPHeaders(response.headers.map { ($0.name, $0.value) })
        if response.status != 204 {
            headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        }
        let keepAlive = request.head.isKeepAlive
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
