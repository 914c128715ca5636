import Foundation

/// Splits newline-delimited JSON, whole or read in chunks, into numbered lines.
///
/// Lines are numbered from 1 as they appear in the input; a `\r` before the newline is dropped
/// and blank lines (only spaces, tabs or `\r`) are skipped but still counted, so the numbers
/// match what an editor shows. Each chunk is scanned once: splitting is linear in the input.
public struct NDJSONLines: Sendable {
    private var pending = Data()
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
        while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
            append(pending[start..<newline], to: &lines)
            start = pending.index(after: newline)
        }
        pending = Data(pending[start...])
        return lines
    }

    /// The last line, when the input did not end with a newline.
    public mutating func finish() -> [(line: Int, text: Data)] {
        var lines: [(line: Int, text: Data)] = []
        if !pending.isEmpty {
            append(pending[...], to: &lines)
            pending = Data()
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
