import Foundation

/// Test output that stays in one piece: each call is a single write to standard output, so long
/// reports are not interleaved with Swift Testing's own progress lines.
enum Console {
    static func write(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    static func write(_ line: String) {
        write([line])
    }
}
