import Foundation

/// The lines `noProseCopiedFromReferences` compares: whitespace and surrounding quotes stripped,
/// at least 50 characters, containing a space, and not starting with `$ref`, `-` or `http`.
/// In a `key: value` line the space must be in the value: `operationId: listKafkaShareGroups…`
/// or `url: https://…` is a single identifier or URL, not prose, and may match the references.
enum ProseLines {
    static let minimumLength = 50

    /// The qualifying lines of `text` with their 1-based line numbers.
    static func candidates(in text: String) -> [(number: Int, text: String)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, raw in
            let line = normalised(raw)
            guard line.count >= minimumLength, line.contains(" "),
                  !["$ref", "-", "http"].contains(where: line.hasPrefix), value(of: line).contains(" ") else { return nil }
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

    /// The value of a `key: value` line (a key is one word), without quotes; otherwise the whole line.
    static func value(of line: String) -> String {
        guard let separator = line.firstRange(of: ": "),
              !line[..<separator.lowerBound].contains(where: \.isWhitespace) else { return line }
        return normalised(line[separator.upperBound...])
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
