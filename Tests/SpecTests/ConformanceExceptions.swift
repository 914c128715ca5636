import Foundation

/// The accepted differences listed in `spec/conformance-exceptions.yaml`.
///
/// The file is a YAML list; each entry has exactly these keys:
/// - `reference`: the reference file name the entry applies to, or `"*"` for every file;
/// - `match`: a difference key (`Difference.key`), exactly, or as a glob where `*` stands for any
///   run of characters (including none); no other character is special;
/// - `reason`: why the difference is accepted; must not be empty.
struct ConformanceExceptions: Sendable {
    /// One entry of the file.
    struct Entry: Sendable, Hashable {
        /// Position in the list, starting at 1, for messages.
        let number: Int
        let reference: String
        let match: String
        let reason: String

        /// Whether this entry accepts `difference` found in reference file `file`.
        func accepts(_ difference: Difference, in file: String) -> Bool {
            (reference == "*" || reference == file) && ConformanceExceptions.glob(match, matches: difference.key)
        }

        var summary: String {
            "#\(number) (reference: \(reference), match: \(match))"
        }
    }

    let entries: [Entry]
    /// Malformed entries: missing or unknown keys, empty reason.
    let problems: [String]

    static let keys: Set<String> = ["reference", "match", "reason"]

    /// Parses the file's text. An empty file or `[]` is an empty list.
    init(yaml: String) throws {
        let list: [SpecValue]
        switch try SpecValue.parse(yaml: yaml) {
        case nil: list = []
        case .sequence(let elements): list = elements
        default: throw SpecError(description: "conformance exceptions must be a YAML list")
        }
        var entries: [Entry] = []
        var problems: [String] = []
        for (index, element) in list.enumerated() {
            let number = index + 1
            guard let fields = element.mapping else {
                problems.append("entry #\(number) is not a mapping")
                continue
            }
            for unknown in Set(fields.keys).subtracting(Self.keys).sorted() {
                problems.append("entry #\(number) has unknown key \(unknown)")
            }
            let reference = fields["reference"]?.string ?? ""
            let match = fields["match"]?.string ?? ""
            let reason = (fields["reason"]?.string ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if reference.isEmpty { problems.append("entry #\(number) has no reference (a file name or \"*\")") }
            if match.isEmpty { problems.append("entry #\(number) has no match") }
            if reason.isEmpty { problems.append("entry #\(number) (match: \(match)) has an empty reason") }
            entries.append(Entry(number: number, reference: reference, match: match, reason: reason))
        }
        self.entries = entries
        self.problems = problems
    }

    /// The differences found in reference `file` that no entry accepts.
    func unmatched(_ differences: [Difference], in file: String) -> [Difference] {
        differences.filter { difference in !entries.contains { $0.accepts(difference, in: file) } }
    }

    /// The entries that accept no difference of any file; `differencesByFile` is keyed by file name.
    func stale(_ differencesByFile: [String: [Difference]]) -> [Entry] {
        entries.filter { entry in
            !differencesByFile.contains { file, differences in
                differences.contains { entry.accepts($0, in: file) }
            }
        }
    }

    /// Glob matching where `*` matches any run of characters and everything else matches itself.
    static func glob(_ pattern: String, matches text: String) -> Bool {
        guard pattern.contains("*") else { return pattern == text }
        let pattern = Array(pattern.unicodeScalars)
        let text = Array(text.unicodeScalars)
        var patternIndex = 0
        var textIndex = 0
        var lastStar: Int?
        var textAfterStar = 0
        while textIndex < text.count {
            if patternIndex < pattern.count, pattern[patternIndex] == "*" {
                lastStar = patternIndex
                textAfterStar = textIndex
                patternIndex += 1
            } else if patternIndex < pattern.count, pattern[patternIndex] == text[textIndex] {
                patternIndex += 1
                textIndex += 1
            } else if let star = lastStar {
                patternIndex = star + 1
                textAfterStar += 1
                textIndex = textAfterStar
            } else {
                return false
            }
        }
        while patternIndex < pattern.count, pattern[patternIndex] == "*" {
            patternIndex += 1
        }
        return patternIndex == pattern.count
    }
}
