import Glibc

/// One connection of the minimal sink: reads request after request (keep-alive), counts the
/// JSON objects of each body and answers with one canned delivery report per object.
///
/// A chunked request is answered like Confluent's REST Proxy streams: `200` with a chunked
/// body at once after the head, then after each read one chunk with the reports of the objects
/// completed in it, and `0\r\n\r\n` when the request's body ends. A request with a
/// `Content-Length` body (or none) gets one response with every report after the whole body.
struct SinkConnection {
    /// What the connection is reading.
    private enum Phase {
        /// A request head, up to its empty line.
        case head
        /// A chunked body.
        case chunked(ChunkedDecoder)
        /// A `Content-Length` body with `remaining` bytes to go.
        case sized(remaining: Int)
        /// Nothing more: the last response was sent with `Connection: close`.
        case closed
    }

    private static let streamHead = Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
    private static let continueHead = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
    private static let lastChunk = Array("0\r\n\r\n".utf8)
    private static let crlf: [UInt8] = [13, 10]
    /// Seconds a connection may stay silent before the sink drops it.
    private static let idleSeconds = 120

    private let descriptor: Int32
    private let tally: SinkTally
    private var phase = Phase.head
    private var head: [UInt8] = []
    private var closeAfterResponse = false
    private var objects = JSONObjectCounter()
    /// Objects completed but not yet answered.
    private var unanswered = 0
    private var reports = DeliveryReportWriter()
    /// Reports of one chunk or response, before its framing.
    private var reportBytes: [UInt8] = []
    /// Bytes to send once the current read has been processed.
    private var output: [UInt8] = []

    init(descriptor: Int32, tally: SinkTally) {
        self.descriptor = descriptor
        self.tally = tally
    }

    /// Serves the connection until the peer closes it, stays silent for two minutes, breaks
    /// HTTP or asks to close; then closes it.
    mutating func serve() {
        defer { close(descriptor) }
        LoopbackSocket.disableNagle(descriptor)
        LoopbackSocket.setReceiveTimeout(descriptor, seconds: Self.idleSeconds)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR {
                continue
            }
            guard count > 0 else {
                return
            }
            do {
                try buffer.withUnsafeBufferPointer { try consume(UnsafeBufferPointer(rebasing: $0[..<count])) }
                try LoopbackSocket.sendAll(descriptor, output)
                output.removeAll(keepingCapacity: true)
            } catch {
                return
            }
            if case .closed = phase {
                return
            }
        }
    }

    /// Processes one read's bytes, leaving what to send in `output`.
    private mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        var index = 0
        while index < bytes.count {
            switch phase {
            case .head:
                index = try readHead(bytes, from: index)
            case var .chunked(decoder):
                index += try decoder.decode(UnsafeBufferPointer(rebasing: bytes[index...])) { unanswered += objects.scan($0) }
                phase = .chunked(decoder)
                if decoder.isFinished {
                    answerChunk()
                    output.append(contentsOf: Self.lastChunk)
                    endRequest()
                }
            case let .sized(remaining):
                let count = min(remaining, bytes.count - index)
                unanswered += objects.scan(UnsafeBufferPointer(rebasing: bytes[index..<(index + count)]))
                index += count
                phase = .sized(remaining: remaining - count)
                if remaining == count {
                    answerWhole()
                }
            case .closed:
                return
            }
        }
        if case .chunked = phase {
            answerChunk()
        }
    }

    /// Reads head bytes from `index` on, and once the head is complete starts its body (or
    /// answers at once if it has none); returns the index after the bytes used.
    private mutating func readHead(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws -> Int {
        var index = start
        while index < bytes.count {
            head.append(bytes[index])
            index += 1
            guard head.last == UInt8(ascii: "\n") else {
                continue
            }
            if head.count == 1 || head.count == 2 && head.first == UInt8(ascii: "\r") {
                head.removeAll(keepingCapacity: true)
            } else if head.suffix(4) == [13, 10, 13, 10] || head.suffix(2) == [10, 10] {
                try startBody(HTTPHead(head))
                head.removeAll(keepingCapacity: true)
                return index
            }
            guard head.count <= HTTPHead.maximumSize else {
                throw HTTPFramingError("a request head of more than \(HTTPHead.maximumSize) bytes")
            }
        }
        return index
    }

    /// Starts reading the body `request` announces.
    private mutating func startBody(_ request: HTTPHead) {
        tally.requests.add(1)
        closeAfterResponse = request.closesConnection
        if request.expectsContinue {
            output.append(contentsOf: Self.continueHead)
        }
        if request.isChunked {
            tally.streams.add(1)
            output.append(contentsOf: Self.streamHead)
            phase = .chunked(ChunkedDecoder())
        } else if let length = request.contentLength, length > 0 {
            phase = .sized(remaining: length)
        } else {
            answerWhole()
        }
    }

    /// Appends one chunk with the reports of the objects completed since the last one, if any.
    private mutating func answerChunk() {
        guard unanswered > 0 else {
            return
        }
        takeReports()
        output.append(contentsOf: String(reportBytes.count, radix: 16).utf8)
        output.append(contentsOf: Self.crlf)
        output.append(contentsOf: reportBytes)
        output.append(contentsOf: Self.crlf)
    }

    /// Appends the response to a request read whole: its head with `Content-Length`, and the reports.
    private mutating func answerWhole() {
        takeReports()
        let close = closeAfterResponse ? "Connection: close\r\n" : ""
        output.append(contentsOf: "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(reportBytes.count)\r\n\(close)\r\n".utf8)
        output.append(contentsOf: reportBytes)
        endRequest()
    }

    /// Writes the reports of the unanswered objects into `reportBytes`.
    private mutating func takeReports() {
        reportBytes.removeAll(keepingCapacity: true)
        reports.append(unanswered, to: &reportBytes)
        tally.records.add(unanswered)
        unanswered = 0
    }

    /// Gets ready for the next request on the connection, or for closing it.
    private mutating func endRequest() {
        objects = JSONObjectCounter()
        phase = closeAfterResponse ? .closed : .head
    }
}
