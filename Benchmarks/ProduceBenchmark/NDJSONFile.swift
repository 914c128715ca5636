import Foundation

/// The NDJSON file curl and the CLI send: one ProduceRequest-shaped object a line,
/// `{"value":{"type":"JSON","data":{"n":<i>}}}`, in a temporary directory removed by ``remove()``.
struct NDJSONFile {
    /// The file's path.
    let path: String
    private let directory: URL

    /// Writes a file of `lines` lines.
    init(lines: Int) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("produce-benchmark-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("records.ndjson")
        var text = Data()
        text.reserveCapacity(lines * 44)
        for index in stride(from: 1, through: lines, by: 1) {
            text.append(contentsOf: #"{"value":{"type":"JSON","data":{"n":\#(index)}}}"#.utf8)
            text.append(UInt8(ascii: "\n"))
        }
        try text.write(to: file)
        path = file.path
    }

    /// Removes the file and its directory.
    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
