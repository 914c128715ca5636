import KafkaREST
import NIOCore
import NIOHTTP1
import NIOPosix

/// The event-loop floor of streaming: swift-nio's HTTP/1.1 codec alone, one chunked request of
/// pre-encoded records (``RawRecords``) with at most `window` unreported, refilled from the
/// channel handler as reports arrive (counted by their line ends), so nothing leaves the event
/// loop. With `coded`, the handler also does the library's per-record work with its public
/// coders: each record is encoded from a `KafkaRecord` when written, and each report is
/// decoded as a `ProduceResponse` and counted only with `error_code` 200. Returns the reports
/// counted.
func streamWithNIO(count: Int, window: Int, coded: Bool, server address: ServerAddress) async throws -> Int {
    let records = RawRecords(count: count)
    let port = address.baseURL.port ?? 80
    let loop = MultiThreadedEventLoopGroup.singleton.next()
    let done = loop.makePromise(of: Int.self)
    let handler = try await loop.submit {
        NIOLoopBound(
            WindowedStream(records: records, window: window, coded: coded, path: address.baseURL.path + address.recordsPath, host: "127.0.0.1:\(port)", done: done),
            eventLoop: loop
        )
    }.get()
    let channel = try await ClientBootstrap(group: loop)
        .channelOption(.socketOption(.tcp_nodelay), value: 1)
        .channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHTTPClientHandlers()
                try channel.pipeline.syncOperations.addHandler(handler.value)
            }
        }
        .connect(host: "127.0.0.1", port: port).get()
    defer { channel.close(promise: nil) }
    return try await done.futureResult.get()
}

/// Writes the records of one chunked request while fewer than `window` are unreported, ends
/// the body after the last, and completes `done` with the reports counted when the response
/// ends.
private final class WindowedStream: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let records: RawRecords
    private let window: Int
    private let coded: Bool
    private let head: HTTPRequestHead
    private let done: EventLoopPromise<Int>
    private var sent = 0
    private var reports = 0
    private var ended = false
    /// With `coded`: splits the response body into reports, and the reports of one read.
    private var scanner = ConcatenatedJSONScanner()
    private var decoded: [ProduceResponse] = []

    init(records: RawRecords, window: Int, coded: Bool, path: String, host: String, done: EventLoopPromise<Int>) {
        self.records = records
        self.window = window
        self.coded = coded
        self.done = done
        var head = HTTPRequestHead.jsonPost(to: path, host: host)
        head.headers.add(name: "Transfer-Encoding", value: "chunked")
        self.head = head
    }

    func channelActive(context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        refill(context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            break
        case let .body(buffer):
            if coded {
                decodeReports(buffer)
            } else {
                reports += buffer.readableBytesView.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            }
        case .end:
            done.succeed(reports)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        refill(context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        done.fail(ChannelError.eof)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        done.fail(error)
        context.close(promise: nil)
    }

    /// Writes every record the window has room for as one chunk, or ends the body after the last.
    private func refill(context: ChannelHandlerContext) {
        let room = min(records.ends.count - sent, window - (sent - reports))
        if room > 0, coded {
            var chunk: [UInt8] = []
            for index in sent..<(sent + room) {
                chunk += KafkaRecord(value: .string("value-\(index)")).produceRequest.jsonBytes()
                chunk.append(UInt8(ascii: "\n"))
            }
            sent += room
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: chunk)))), promise: nil)
        } else if room > 0 {
            let range = records.byteRange(sent..<(sent + room))
            sent += room
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: records.bytes[range])))), promise: nil)
        } else if sent == records.ends.count, !ended {
            ended = true
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }

    /// Decodes the reports `buffer` completes, counting those with `error_code` 200; a body
    /// that is not concatenated reports fails `done`.
    private func decodeReports(_ buffer: ByteBuffer) {
        do {
            try buffer.withUnsafeReadableBytes { try scanner.read($0, as: ProduceResponse.self, into: &decoded) }
        } catch {
            done.fail(error)
        }
        reports += decoded.count { $0.errorCode == 200 }
        decoded.removeAll(keepingCapacity: true)
    }
}
