import Foundation
import KafkaRESTAPI
import KafkaRESTSupport
import NIOCore
import NIOHTTP1

/// Serves one accepted streamed produce request on its connection's event loop: cuts records
/// from the body as chunks arrive, handles them in order (applying the stream's
/// ``StreamFaults``), and writes and flushes each delivery report, followed by a newline,
/// without waiting for the body to end. The response ends when the body has ended and every
/// record is answered.
final class StreamingProduceSession {
    private let core: ServerCore
    private let ticket: ServerCore.StreamTicket
    private let head: HTTPRequestHead
    private var scanner = ConcatenatedJSONScanner(maximumObjectBytes: ServerCore.maximumRecordBytes)
    private var pending = CircularBuffer<ServerCore.StreamedRecord>()
    /// Records cut from the body so far.
    private var received = 0
    /// Records handled (reported or withheld) so far.
    private var handled = 0
    /// Reports written so far.
    private var reported = 0
    /// Whether the 200 head was written, so records may be answered.
    private var started = false
    private var bodyEnded = false
    /// Whether a delayed record is waiting for its turn.
    private var waiting = false
    /// Whether the response ended or the connection was closed.
    private var finished = false
    /// The last write of reports, which an abrupt close waits for.
    private var lastWrite: EventLoopFuture<Void>?

    init(core: ServerCore, ticket: ServerCore.StreamTicket, head: HTTPRequestHead) {
        self.core = core
        self.ticket = ticket
        self.head = head
    }

    private var faults: StreamFaults { ticket.faults }

    /// Writes the 200 head and answers the records that arrived before it.
    func start(context: ChannelHandlerContext) {
        guard !finished, context.channel.isActive else { return }
        var headers = NIOHTTP1.HTTPHeaders([("Content-Type", "application/json")])
        if !head.isKeepAlive {
            headers.add(name: "Connection", value: "close")
        }
        let responseHead = HTTPResponseHead(version: head.version, status: .ok, headers: headers)
        context.writeAndFlush(NIOAny(HTTPServerResponsePart.head(responseHead)), promise: nil)
        started = true
        if faults.closeAfterRecords == 0 {
            abort(context: context)
            return
        }
        process(context: context)
    }

    /// Takes the next body chunk.
    func receive(_ buffer: ByteBuffer, context: ChannelHandlerContext) {
        guard !finished else { return }
        var pieces: [Data] = []
        do {
            try buffer.withUnsafeReadableBytes { bytes in
                try scanner.feed(bytes) { pieces.append(Data($0)) }
            }
        } catch {
            rejectMalformed("Payload error. \(ServerCore.describe(error))", context: context)
            return
        }
        guard !pieces.isEmpty else { return }
        for piece in pieces {
            pending.append(ServerCore.StreamedRecord(index: received, request: parse(piece, index: received)))
            received += 1
        }
        core.noteStreamedRecordsReceived(pieces.count, inFlight: received - reported)
        process(context: context)
    }

    /// Takes the end of the body.
    func end(context: ChannelHandlerContext) {
        guard !finished else { return }
        bodyEnded = true
        do {
            try scanner.finish()
        } catch {
            rejectMalformed("Payload error. \(ServerCore.describe(error))", context: context)
            return
        }
        process(context: context)
    }

    /// Counts the stream as closed if the connection went away before the response ended.
    func connectionClosed() {
        guard !finished else { return }
        finished = true
        core.noteStreamClosed()
    }

    private func parse(_ piece: Data, index: Int) -> Result<ProduceRequest, ServerCore.RecordParseError> {
        do {
            return .success(try ProduceRequest(jsonBytes: piece))
        } catch {
            return .failure(ServerCore.RecordParseError(message: "Payload error in record \(index): \(error)"))
        }
    }

    /// Handles what is pending: at once, or one record per ``StreamFaults/recordDelay``.
    private func process(context: ChannelHandlerContext) {
        guard started, !finished, !waiting else { return }
        if faults.recordDelay > .zero {
            guard !pending.isEmpty else {
                finishIfDone(context: context)
                return
            }
            waiting = true
            context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(faults.recordDelay)) {
                self.waiting = false
                guard !self.finished else { return }
                self.handle(count: 1, context: context)
                self.process(context: context)
            }
        } else {
            handle(count: pending.count, context: context)
            finishIfDone(context: context)
        }
    }

    /// Handles up to `count` pending records (never past ``StreamFaults/closeAfterRecords``),
    /// writes their reports in one flush, and closes the connection if the close point is reached.
    private func handle(count: Int, context: ChannelHandlerContext) {
        var take = min(count, pending.count)
        if let closeAfter = faults.closeAfterRecords {
            take = min(take, closeAfter - handled)
        }
        guard take > 0 else { return }
        let batch = pending.prefix(take)
        pending.removeFirst(take)
        let firstWithheld = faults.closeAfterRecords.map { $0 - faults.withheldReports } ?? Int.max
        let toReport = min(take, max(0, firstWithheld - handled))
        let reports = core.handleStreamedRecords(batch, of: ticket, reported: toReport)
        handled += take
        if toReport > 0 {
            var buffer = context.channel.allocator.buffer(capacity: toReport * 256)
            for report in reports.prefix(toReport) {
                append(report, to: &buffer)
            }
            reported += toReport
            lastWrite = context.writeAndFlush(NIOAny(HTTPServerResponsePart.body(.byteBuffer(buffer))))
        }
        if let closeAfter = faults.closeAfterRecords, handled >= closeAfter {
            abort(context: context)
        }
    }

    private func append(_ report: ProduceResponse, to buffer: inout ByteBuffer) {
        buffer.writeBytes(report.jsonBytes())
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    /// Ends the response once the body has ended and every record is answered.
    private func finishIfDone(context: ChannelHandlerContext) {
        guard bodyEnded, pending.isEmpty, !finished else { return }
        finished = true
        core.noteStreamClosed()
        let written = context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)))
        if !head.isKeepAlive {
            let channel = context.channel
            written.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    /// A body that is not a sequence of JSON objects: one 400 report, then the response ends
    /// and the connection is closed, since the rest of the body cannot be read as records.
    private func rejectMalformed(_ message: String, context: ChannelHandlerContext) {
        guard !finished else { return }
        finished = true
        core.noteStreamClosed()
        guard started else {
            context.close(promise: nil)
            return
        }
        var buffer = context.channel.allocator.buffer(capacity: 256)
        append(ProduceResponse(errorCode: 400, message: message), to: &buffer)
        context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(buffer))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    /// Breaks the stream: the response never ends. Once the reports written so far are out
    /// and ``closeLinger`` has passed, the server closes its side of the connection, ignores
    /// the rest of the body, and closes the connection completely when the client does or
    /// after ``abortGrace``.
    ///
    /// Closing only the output lets the last reports reach the client: closing the whole
    /// connection while request bytes are unread sends a reset, which can destroy them. The
    /// linger keeps them out of the same read as the end of the connection, since a client
    /// may drop response bytes that arrive together with the close (AsyncHTTPClient does).
    private func abort(context: ChannelHandlerContext) {
        guard !finished else { return }
        finished = true
        core.noteStreamClosed()
        let channel = context.channel
        let written = lastWrite ?? channel.eventLoop.makeSucceededVoidFuture()
        written.whenComplete { _ in
            channel.eventLoop.scheduleTask(in: Self.closeLinger) {
                channel.close(mode: .output, promise: nil)
            }
            channel.eventLoop.scheduleTask(in: Self.abortGrace) {
                channel.close(promise: nil)
            }
        }
    }

    /// How long a broken stream waits after its last report before closing its output.
    static let closeLinger = TimeAmount.milliseconds(10)
    /// How long a broken stream's connection stays half open for the client to close it.
    static let abortGrace = TimeAmount.seconds(1)
}
