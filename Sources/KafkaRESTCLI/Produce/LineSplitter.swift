import Foundation

/// Splits an input read in chunks into lines, numbered from 1; blank lines are skipped and a
/// `\r` before the newline is dropped.
struct LineSplitter {
    private var pending = Data()
    private var nextLine = 1

    /// The complete lines in `chunk` (with what was pending before it), as (number, text).
    mutating func feed(_ chunk: Data) -> [(line: Int, text: Data)] {
        pending.append(chunk)
        var lines: [(line: Int, text: Data)] = []
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            let text = pending[pending.startIndex..<newline]
            pending = Data(pending[pending.index(after: newline)...])
            append(Data(text), to: &lines)
        }
        return lines
    }

    /// The last line, if the input did not end with a newline.
    mutating func finish() -> [(line: Int, text: Data)] {
        var lines: [(line: Int, text: Data)] = []
        if !pending.isEmpty {
            append(pending, to: &lines)
            pending = Data()
        }
        return lines
    }

    private mutating func append(_ text: Data, to lines: inout [(line: Int, text: Data)]) {
        let line = nextLine
        nextLine += 1
        let trimmed = text.last == UInt8(ascii: "\r") ? Data(text.dropLast()) : text
        if trimmed.contains(where: { ![0x20, 0x09].contains($0) }) {
            lines.append((line, trimmed))
        }
    }
}
