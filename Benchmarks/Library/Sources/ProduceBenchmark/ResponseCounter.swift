/// Reads the raw client's response, fed in pieces cut anywhere: checks its head says 200 and
/// counts the delivery reports in its body by their line ends, under chunked or
/// `Content-Length` framing.
struct ResponseCounter {
    private enum Phase {
        case head
        case chunked(ChunkedDecoder)
        case sized(remaining: Int)
        case finished
    }

    private var phase = Phase.head
    private var head: [UInt8] = []
    /// Reports counted so far.
    private(set) var reports = 0

    /// Whether the whole response has been read.
    var isFinished: Bool {
        if case .finished = phase {
            return true
        }
        return false
    }

    /// Reads `bytes`, the next ones of the response.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        var index = 0
        while index < bytes.count {
            switch phase {
            case .head:
                head.append(bytes[index])
                index += 1
                if head.last == UInt8(ascii: "\n"), head.suffix(4) == [13, 10, 13, 10] {
                    try startBody(HTTPHead(head))
                } else if head.count > HTTPHead.maximumSize {
                    throw HTTPFramingError("a response head of more than \(HTTPHead.maximumSize) bytes")
                }
            case var .chunked(decoder):
                index += try decoder.decode(UnsafeBufferPointer(rebasing: bytes[index...])) { reports += lineEnds($0) }
                phase = decoder.isFinished ? .finished : .chunked(decoder)
            case let .sized(remaining):
                let count = min(remaining, bytes.count - index)
                reports += lineEnds(UnsafeBufferPointer(rebasing: bytes[index..<(index + count)]))
                index += count
                phase = remaining == count ? .finished : .sized(remaining: remaining - count)
            case .finished:
                throw HTTPFramingError("bytes after the end of the response")
            }
        }
    }

    /// Starts reading the body `response` announces, once its status is 200.
    private mutating func startBody(_ response: HTTPHead) throws {
        guard response.statusCode == 200 else {
            throw HTTPFramingError("the server answered \(response.startLine)")
        }
        if response.isChunked {
            phase = .chunked(ChunkedDecoder())
        } else if let length = response.contentLength, length > 0 {
            phase = .sized(remaining: length)
        } else {
            phase = .finished
        }
    }
}

/// How many newlines `bytes` holds.
private func lineEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    for byte in bytes where byte == UInt8(ascii: "\n") {
        count += 1
    }
    return count
}
