import Foundation

/// The NDJSON file curl and the CLI send: one ProduceRequest-shaped object a line,
/// `{"value":{"type":"JSON","data":{"n":<i>}}}`, in a temporary directory removed by ``remove()``.
///
/// It is written in small pieces: a child started with `posix_spawn` shares the parent's memory
/// until it execs, so its `ru_maxrss` is never below the parent's RSS at that moment.
struct NDJSONFile {
    /// The file's path.
    let path: String
    private let directory: URL

    /// Writes a file of `lines` lines.
    init(lines: Int) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("produce-benchmark-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("records.ndjson")
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        var piece = Data()
        for index in stride(from: 1, through: lines, by: 1) {
            piece.append(contentsOf: #"{"value":{"type":"JSON","data":{"n":\#(index)}}}"#.utf8)
            piece.append(UInt8(ascii: "\n"))
            if piece.count >= 65_536 || index == lines {
                try handle.write(contentsOf: piece)
                piece.removeAll(keepingCapacity: true)
            }
        }
        path = file.path
    }

    /// Removes the file and its directory.
    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
