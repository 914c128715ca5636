/// Decodes a `Transfer-Encoding: chunked` body fed in pieces cut anywhere: passes on the chunk
/// data and notices the last (0-size) chunk and the trailer after it.
struct ChunkedDecoder {
    private enum State {
        /// Reading the hex digits of a chunk size.
        case size(Int, digits: Int)
        /// Skipping a chunk extension, up to the end of the size line.
        case sizeExtension(Int)
        /// Reading `remaining` bytes of chunk data.
        case data(remaining: Int)
        /// Expecting the CRLF after chunk data; `sawCR` once its CR was read.
        case dataEnd(sawCR: Bool)
        /// Reading the trailer after the last chunk; `atLineStart` when a line just ended.
        case trailer(atLineStart: Bool)
        /// The body has ended.
        case finished
    }

    private var state = State.size(0, digits: 0)

    /// Whether the body's end (the last chunk and its trailer) has been read.
    var isFinished: Bool {
        if case .finished = state {
            return true
        }
        return false
    }

    /// Decodes from the start of `bytes`, passing each run of chunk data to `data`, and returns
    /// how many bytes it used: all of them, or fewer when the body ends inside `bytes`.
    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, data: (UnsafeBufferPointer<UInt8>) -> Void) throws -> Int {
        var index = 0
        while index < bytes.count {
            switch state {
            case let .size(size, digits):
                let byte = bytes[index]
                index += 1
                if let digit = hexDigit(byte) {
                    guard digits < 15 else {
                        throw HTTPFramingError("a chunk size of more than 15 hex digits")
                    }
                    state = .size(size * 16 + digit, digits: digits + 1)
                } else if digits > 0, byte == UInt8(ascii: "\n") {
                    endSizeLine(size)
                } else if digits > 0, [UInt8(ascii: ";"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(byte) {
                    state = .sizeExtension(size)
                } else {
                    throw HTTPFramingError("byte \(byte) in a chunk size line")
                }
            case let .sizeExtension(size):
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\n") {
                    endSizeLine(size)
                }
            case let .data(remaining):
                let count = min(remaining, bytes.count - index)
                data(UnsafeBufferPointer(rebasing: bytes[index..<(index + count)]))
                index += count
                state = remaining == count ? .dataEnd(sawCR: false) : .data(remaining: remaining - count)
            case let .dataEnd(sawCR):
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\n") {
                    state = .size(0, digits: 0)
                } else if byte == UInt8(ascii: "\r"), !sawCR {
                    state = .dataEnd(sawCR: true)
                } else {
                    throw HTTPFramingError("chunk data longer than its size")
                }
            case let .trailer(atLineStart):
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\n") {
                    state = atLineStart ? .finished : .trailer(atLineStart: true)
                } else if byte != UInt8(ascii: "\r") {
                    state = .trailer(atLineStart: false)
                }
            case .finished:
                return index
            }
        }
        return index
    }

    /// Moves on after a size line: to the chunk's data, or to the trailer after the last chunk.
    private mutating func endSizeLine(_ size: Int) {
        state = size == 0 ? .trailer(atLineStart: true) : .data(remaining: size)
    }
}

/// The value of a hex digit, or `nil`.
private func hexDigit(_ byte: UInt8) -> Int? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
    default: nil
    }
}
