import Foundation

/// Splits newline-delimited JSON, whole or read in chunks, into numbered lines.
///
/// Lines are numbered from 1 as they appear in the input; a `\r` before the newline is dropped
/// and blank lines (only spaces, tabs or `\r`) are skipped but still counted, so the numbers
/// match what an editor shows.
///
/// Splitting is linear in the input however it is chunked: every byte is searched for a
/// newline once (bytes of an unfinished line already searched are remembered as such), and
/// the pending rest is copied only when a line ends in a chunk, which leaves at most that
/// chunk's bytes pending.
public struct NDJSONLines: Sendable {
    private var pending = Data()
    /// How many bytes at the start of ``pending`` are known to hold no newline.
    private var searched = 0
    private var nextLine = 1

    /// A splitter with nothing read yet.
    public init() {}

    /// The non-blank lines of `data`, the whole input.
    public static func split(_ data: Data) -> [(line: Int, text: Data)] {
        var lines = NDJSONLines()
        return lines.feed(data) + lines.finish()
    }

    /// The lines completed by `chunk`, together with what was pending from earlier chunks.
    public mutating func feed(_ chunk: Data) -> [(line: Int, text: Data)] {
        pending.append(chunk)
        var lines: [(line: Int, text: Data)] = []
        var number = nextLine
        let consumed = pending.withUnsafeBytes { bytes -> Int in
            guard let base = bytes.baseAddress else { return 0 }
            var start = 0
            var searchFrom = searched
            while searchFrom < bytes.count,
                  let found = memchr(base + searchFrom, Int32(UInt8(ascii: "\n")), bytes.count - searchFrom) {
                let newline = base.distance(to: UnsafeRawPointer(found))
                Self.append(UnsafeRawBufferPointer(rebasing: bytes[start..<newline]), number: &number, to: &lines)
                start = newline + 1
                searchFrom = start
            }
            return start
        }
        nextLine = number
        if consumed > 0 {
            pending = Data(pending[(pending.startIndex + consumed)...])
        }
        searched = pending.count
        return lines
    }

    /// The last line, when the input did not end with a newline.
    public mutating func finish() -> [(line: Int, text: Data)] {
        var lines: [(line: Int, text: Data)] = []
        guard !pending.isEmpty else { return lines }
        var number = nextLine
        pending.withUnsafeBytes { Self.append($0, number: &number, to: &lines) }
        nextLine = number
        pending = Data()
        searched = 0
        return lines
    }

    /// Numbers the line `text` (without its newline) and keeps it unless it is blank.
    private static func append(_ text: UnsafeRawBufferPointer, number: inout Int, to lines: inout [(line: Int, text: Data)]) {
        let line = number
        number += 1
        var end = text.count
        if end > 0 && text[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let trimmed = UnsafeRawBufferPointer(rebasing: text[..<end])
        if trimmed.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
            lines.append((line, Data(trimmed)))
        }
    }
}
