import NIOCore
import NIOHTTP1
import NIOPosix

/// The event-loop floor of one request per record: swift-nio's HTTP/1.1 codec alone,
/// `concurrency` connections, each posting its records' pre-encoded bytes (``RawRecords``) one
/// request at a time. With `fromTasks` false the channel handler sends the next request when a
/// response ends, so no request leaves the event loop; with `fromTasks` true one task per
/// connection asks for each request and awaits its response, the one hop to the event loop and
/// back that any async transport makes. Returns the records answered with status 200.
func produceWithNIO(count: Int, concurrency: Int, fromTasks: Bool, server address: ServerAddress) async throws -> Int {
    let records = RawRecords(count: count)
    let port = address.baseURL.port ?? 80
    let path = address.baseURL.path + address.recordsPath
    let group = MultiThreadedEventLoopGroup.singleton
    var answers: [EventLoopFuture<Int>] = []
    for worker in 0..<min(concurrency, count) {
        let indices = Array(stride(from: worker, to: count, by: concurrency))
        let loop = group.next()
        let done = loop.makePromise(of: Int.self)
        let handler = try await loop.submit {
            NIOLoopBound(
                OneRequestAtATime(records: records, indices: indices, path: path, host: "127.0.0.1:\(port)", chained: !fromTasks, done: done),
                eventLoop: loop
            )
        }.get()
        let bootstrap = ClientBootstrap(group: loop)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(handler.value)
                }
            }
        let channel = try await bootstrap.connect(host: "127.0.0.1", port: port).get()
        answers.append(done.futureResult.always { _ in channel.close(promise: nil) })
        if fromTasks {
            Task {
                for _ in indices {
                    let answered = loop.makePromise(of: Void.self)
                    loop.execute { handler.value.send(answered) }
                    try await answered.futureResult.get()
                }
                loop.execute { handler.value.finish() }
            }
        }
    }
    var total = 0
    for answer in answers {
        total += try await answer.get()
    }
    return total
}

/// Sends one record per request on its channel: when `chained`, the next once the previous
/// response has ended, otherwise when ``send(_:)`` asks (completing its promise at the
/// response's end); completes `done` with the number answered 200 after the last.
private final class OneRequestAtATime: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let records: RawRecords
    private let indices: [Int]
    private let head: HTTPRequestHead
    private let chained: Bool
    private let done: EventLoopPromise<Int>
    private var context: ChannelHandlerContext?
    private var waiting: EventLoopPromise<Void>?
    private var next = 0
    private var answered = 0
    private var status = HTTPResponseStatus.ok

    init(records: RawRecords, indices: [Int], path: String, host: String, chained: Bool, done: EventLoopPromise<Int>) {
        self.records = records
        self.indices = indices
        self.chained = chained
        self.done = done
        head = .jsonPost(to: path, host: host)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func channelActive(context: ChannelHandlerContext) {
        if chained {
            sendNext(context: context)
        }
    }

    /// Sends the next record and completes `answered` when its response has ended.
    func send(_ answered: EventLoopPromise<Void>) {
        waiting = answered
        context.map(sendNext)
    }

    /// Completes `done`: the tasks asked for every request.
    func finish() {
        done.succeed(answered)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .head(response):
            status = response.status
        case .body:
            break
        case .end:
            if status == .ok {
                answered += 1
            }
            if chained {
                sendNext(context: context)
            } else {
                waiting.take()?.succeed()
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        waiting.take()?.fail(ChannelError.eof)
        done.fail(ChannelError.eof)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        waiting.take()?.fail(error)
        done.fail(error)
        context.close(promise: nil)
    }

    private func sendNext(context: ChannelHandlerContext) {
        guard next < indices.count else {
            if chained {
                done.succeed(answered)
            }
            return
        }
        let range = records.byteRange(indices[next]..<(indices[next] + 1))
        next += 1
        var head = self.head
        head.headers.add(name: "Content-Length", value: String(range.count))
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: records.bytes[range])))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}

extension HTTPRequestHead {
    /// The head of a `POST` of JSON to `path` at `host`, as the swift-nio peers send it.
    static func jsonPost(to path: String, host: String) -> HTTPRequestHead {
        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: path)
        head.headers.add(name: "Host", value: host)
        head.headers.add(name: "Content-Type", value: "application/json")
        return head
    }
}
