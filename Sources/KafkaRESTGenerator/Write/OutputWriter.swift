import Foundation

/// Stage 5: writes generated files, touching only those whose content
/// changed (so incremental builds stay incremental), and removes `.swift`
/// files of earlier runs that are no longer generated. Paths are handled in
/// sorted order so output and reports are deterministic.
struct OutputWriter {
    /// What a write did, or would do.
    struct Report: Sendable {
        var written: [String] = []
        var unchanged: [String] = []
        var removed: [String] = []

        /// Files that differ from what is on disk.
        var changed: [String] { (written + removed).sorted() }
    }

    let folder: String

    /// Compares `files` with the folder; writes (and, with `removeStale`,
    /// removes `.swift` files not in `files`) unless `dryRun`.
    func write(_ files: [String: String], dryRun: Bool, removeStale: Bool) throws -> Report {
        let manager = FileManager.default
        var report = Report()
        for path in files.keys.sorted() {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
            let data = Data(files[path]!.utf8)
            if let existing = manager.contents(atPath: url.path), existing == data {
                report.unchanged.append(path)
                continue
            }
            report.written.append(path)
            if !dryRun {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .atomic)
            }
        }
        for path in existingSwiftFiles() where removeStale && files[path] == nil {
            report.removed.append(path)
            if !dryRun {
                try manager.removeItem(atPath: URL(fileURLWithPath: folder).appendingPathComponent(path).path)
            }
        }
        return report
    }

    private func existingSwiftFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".swift") { paths.append(path) }
        }
        return paths.sorted()
    }
}
