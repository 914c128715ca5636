import Foundation

/// Splits the bytes a client sends into request heads and body records, as much HTTP/1.1 as
/// a ``HostileServer`` needs: heads up to the empty line, bodies by `Content-Length` or
/// chunked transfer coding, records as newline-terminated lines of a body.
struct HostileRequestParser {
    /// What the bytes fed so far held.
    enum Event {
        /// A request head.
        case head(method: String, target: String, headers: [(name: String, value: String)])
        /// This many records (lines) of the current body.
        case records(Int)
        /// The end of the current request's body.
        case end
    }

    private enum State {
        case head
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailer
    }

    /// The most bytes a head or a chunk-size line may have.
    static let lineLimit = 64 * 1024

    private var state = State.head
    private var pending: [UInt8] = []

    /// The events the bytes `input`, following all bytes fed before, complete.
    ///
    /// - Throws: ``Malformed`` for bytes that are not HTTP/1.1 requests.
    mutating func feed(_ input: [UInt8]) throws -> [Event] {
        pending += input
        var events: [Event] = []
        var position = 0
        parsing: while position < pending.count {
            switch state {
            case .head:
                guard let end = find([13, 10, 13, 10], from: position) else {
                    if pending.count - position > Self.lineLimit { throw Malformed() }
                    break parsing
                }
                let head = try parseHead(Array(pending[position..<end]))
                events.append(head.event)
                position = end + 4
                if head.chunked {
                    state = .chunkSize
                } else if head.length > 0 {
                    state = .fixedBody(remaining: head.length)
                } else {
                    events.append(.end)
                }
            case .fixedBody(let remaining):
                let count = min(remaining, pending.count - position)
                events.append(.records(newlines(position..<position + count)))
                position += count
                if count == remaining {
                    state = .head
                    events.append(.end)
                } else {
                    state = .fixedBody(remaining: remaining - count)
                }
            case .chunkSize:
                guard let end = find([13, 10], from: position) else {
                    if pending.count - position > Self.lineLimit { throw Malformed() }
                    break parsing
                }
                let line = String(decoding: pending[position..<end], as: UTF8.self)
                guard let size = Int(line.split(separator: ";").first ?? "", radix: 16), size >= 0 else { throw Malformed() }
                position = end + 2
                state = size == 0 ? .trailer : .chunkData(remaining: size)
            case .chunkData(let remaining):
                let count = min(remaining, pending.count - position)
                events.append(.records(newlines(position..<position + count)))
                position += count
                state = count == remaining ? .chunkDataEnd : .chunkData(remaining: remaining - count)
            case .chunkDataEnd:
                guard pending.count - position >= 2 else { break parsing }
                position += 2
                state = .chunkSize
            case .trailer:
                guard let end = find([13, 10], from: position) else { break parsing }
                if end == position {
                    state = .head
                    events.append(.end)
                }
                position = end + 2
            }
        }
        pending.removeFirst(position)
        return events.filter { if case .records(0) = $0 { false } else { true } }
    }

    /// Bytes that are not an HTTP/1.1 request.
    struct Malformed: Error {}

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard pending.count - start >= needle.count else { return nil }
        for index in start...(pending.count - needle.count) where pending[index..<index + needle.count].elementsEqual(needle) {
            return index
        }
        return nil
    }

    private func newlines(_ range: Range<Int>) -> Int {
        pending[range].count { $0 == 10 }
    }

    private func parseHead(_ bytes: [UInt8]) throws -> (event: Event, chunked: Bool, length: Int) {
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count == 3 else { throw Malformed() }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw Malformed() }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let value = { (name: String) in headers.first { $0.name.lowercased() == name }?.value.lowercased() }
        return (
            .head(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers),
            value("transfer-encoding") == "chunked",
            Int(value("content-length") ?? "") ?? 0
        )
    }
}
