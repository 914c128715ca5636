import NIOCore

/// Carries out a ``HostileMode`` on one connection: reads requests with a
/// ``HostileRequestParser`` and writes whatever bytes the mode calls for.
final class HostileConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// The head of a `200` response with a chunked body.
    static let chunkedHead = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"

    private let mode: HostileMode
    private let statistics: HostileStatistics
    private var parser = HostileRequestParser()
    private var recordsSeen = 0

    init(mode: HostileMode, statistics: HostileStatistics) {
        self.mode = mode
        self.statistics = statistics
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        let events: [HostileRequestParser.Event]
        do {
            events = try parser.feed(buffer.readBytes(length: buffer.readableBytes) ?? [])
        } catch {
            context.close(promise: nil)
            return
        }
        for event in events {
            handle(event, context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func handle(_ event: HostileRequestParser.Event, context: ChannelHandlerContext) {
        switch event {
        case .head(let method, let target, let headers):
            let request = HostileRequest(method: method, target: target, headers: headers, port: context.channel.localAddress?.port ?? 0)
            statistics.received(request)
            answer(request, context: context)
        case .records(let count):
            statistics.receivedRecords(count)
            guard case .answerRecords(let answer) = mode else { return }
            let answers = (recordsSeen..<recordsSeen + count).map(answer).joined()
            recordsSeen += count
            if !answers.isEmpty {
                write(Self.chunk(answers), context: context)
            }
        case .end:
            guard case .answerRecords = mode else { return }
            write("0\r\n\r\n", context: context)
        }
    }

    private func answer(_ request: HostileRequest, context: ChannelHandlerContext) {
        let channel = context.channel
        switch mode {
        case .neverAnswers:
            return
        case .headThenNothing, .answerRecords:
            write(Self.chunkedHead, context: context)
        case .slowDrip:
            write(Self.chunkedHead, context: context)
            let drop = channel.allocator.buffer(string: Self.chunk(" "))
            channel.eventLoop.scheduleRepeatedTask(initialDelay: .milliseconds(100), delay: .milliseconds(100)) { task in
                guard channel.isActive else {
                    task.cancel()
                    return
                }
                channel.writeAndFlush(drop, promise: nil)
            }
        case .endlessBody:
            write(Self.chunkedHead + Self.chunk(#"{"kind":"KafkaTopicList","metadata":{"self":"x"},"data":["#), context: context)
            Self.pump(channel, channel.allocator.buffer(string: Self.chunk(String(repeating: #"{"a":1},"#, count: 8192))), statistics: statistics)
        case .endlessReport:
            write(Self.chunkedHead + Self.chunk(#"{"error_code":200,"message":""#), context: context)
            Self.pump(channel, channel.allocator.buffer(string: Self.chunk(String(repeating: "a", count: 64 * 1024))), statistics: statistics)
        case .respond(let respond):
            write(respond(request).wire, context: context)
        }
    }

    private func write(_ text: String, context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: text)), promise: nil)
    }

    /// `text` as one chunk of a chunked body.
    static func chunk(_ text: String) -> String {
        String(text.utf8.count, radix: 16) + "\r\n" + text + "\r\n"
    }

    /// Writes `buffer` to `channel` again each time the last copy was written, until the
    /// channel closes; each write waits for the one before, so the client's reading paces it.
    /// Every copy written counts in `statistics`.
    private static func pump(_ channel: any Channel, _ buffer: ByteBuffer, statistics: HostileStatistics) {
        channel.writeAndFlush(buffer).whenSuccess {
            statistics.sentBodyBytes(buffer.readableBytes)
            channel.eventLoop.execute { pump(channel, buffer, statistics: statistics) }
        }
    }
}
