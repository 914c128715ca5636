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
        var start = pending.startIndex
        var searchFrom = pending.startIndex + searched
        while let newline = pending[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
            append(pending[start..<newline], to: &lines)
            start = pending.index(after: newline)
            searchFrom = start
        }
        if start != pending.startIndex {
            pending = Data(pending[start...])
        }
        searched = pending.count
        return lines
    }

    /// The last line, when the input did not end with a newline.
    public mutating func finish() -> [(line: Int, text: Data)] {
        var lines: [(line: Int, text: Data)] = []
        if !pending.isEmpty {
            append(pending[...], to: &lines)
            pending = Data()
            searched = 0
        }
        return lines
    }

    private mutating func append(_ text: Data.SubSequence, to lines: inout [(line: Int, text: Data)]) {
        let line = nextLine
        nextLine += 1
        let trimmed = text.last == UInt8(ascii: "\r") ? text.dropLast() : text
        if trimmed.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) {
            lines.append((line, Data(trimmed)))
        }
    }
}
