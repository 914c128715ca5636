import Foundation

/// The lines `noProseCopiedFromReferences` compares: whitespace and surrounding quotes stripped,
/// at least 50 characters, containing a space, and not starting with `$ref`, `-` or `http`.
/// A `key: value` line whose value starts with `http` (`url: https://…`, `self: https://…`) is a
/// URL, not prose, and is skipped too.
enum ProseLines {
    static let minimumLength = 50

    /// The qualifying lines of `text` with their 1-based line numbers.
    static func candidates(in text: String) -> [(number: Int, text: String)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, raw in
            let line = normalised(raw)
            guard line.count >= minimumLength, line.contains(" "),
                  !["$ref", "-", "http"].contains(where: line.hasPrefix), !isURLValue(line) else { return nil }
            return (index + 1, line)
        }
    }

    /// `raw` without surrounding whitespace and, inside that, without one pair of surrounding quotes.
    static func normalised(_ raw: Substring) -> String {
        var line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.count >= 2, let first = line.first, first == line.last, first == "\"" || first == "'" {
            line = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        }
        return line
    }

    /// Whether `line` is `key: value` with a value (quoted or not) that starts with `http`.
    static func isURLValue(_ line: String) -> Bool {
        guard let separator = line.firstRange(of: ": ") else { return false }
        return normalised(line[separator.upperBound...]).hasPrefix("http")
    }

    /// Every regular file below `folder`, sorted by path.
    static func files(under folder: URL) throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return try enumerator.compactMap { $0 as? URL }
            .filter { try $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true }
            .sorted { $0.path < $1.path }
    }
}
