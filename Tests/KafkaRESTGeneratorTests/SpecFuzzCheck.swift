import Foundation
@testable import KafkaRESTGenerator
import Yams

/// The properties every diagnostic of the spec fuzzer must have: it names the spec file, a
/// line and column inside the text (libyaml's line breaks: LF, CR, CRLF, NEL, LS, PS), and a
/// well-formed JSON pointer; a non-empty pointer leads through the YAML to a node at that line
/// and column. Only an error about the whole input may have no position.
struct SpecFuzzCheck {
    private let source: SpecText
    /// The text's lines, in Unicode scalars, as libyaml counts them.
    private let lineLengths: [Int]
    private let file: String
    private let root: Node?

    init(text: String, file: String) {
        source = SpecText(text, file: file)
        lineLengths = source.lineLengths
        self.file = file
        root = (try? Yams.compose(yaml: text)) ?? nil
    }

    /// The first diagnostic that breaks a property, and how.
    func problem(in diagnostics: [Diagnostic]) -> String? {
        for diagnostic in diagnostics {
            if let problem = problem(with: diagnostic) { return "\(problem): \(diagnostic)" }
        }
        return nil
    }

    private func problem(with diagnostic: Diagnostic) -> String? {
        let location = diagnostic.location
        guard location.file == file else { return "names file \(location.file), not \(file)" }
        guard Self.isWellFormed(pointer: location.pointer) else { return "malformed JSON pointer" }
        if location.line == 0 {
            let wholeInput = location.column == 0 && location.pointer.isEmpty && diagnostic.severity == .error
            return wholeInput ? nil : "has no line"
        }
        guard (1...lineLengths.count).contains(location.line) else { return "line \(location.line) is outside the \(lineLengths.count) lines" }
        guard (1...lineLengths[location.line - 1] + 1).contains(location.column) else {
            return "column \(location.column) is outside line \(location.line) of \(lineLengths[location.line - 1]) characters"
        }
        guard !location.pointer.isEmpty, let root else { return nil }
        let nodes = Self.nodes(at: location.pointer, in: root)
        guard !nodes.isEmpty else { return "pointer leads to no node" }
        let places = nodes.compactMap(\.mark).map { source.location(line: $0.line, column: $0.column, pointer: "") }
        guard places.contains(where: { $0.line == location.line && $0.column == location.column }) else {
            return "pointer leads to nodes at \(places.map { "\($0.line):\($0.column)" }), not \(location.line):\(location.column)"
        }
        return nil
    }

    /// `""`, or `/`-separated tokens where `~` is always followed by `0` or `1`.
    private static func isWellFormed(pointer: String) -> Bool {
        guard pointer.isEmpty || pointer.hasPrefix("/") else { return false }
        var afterTilde = false
        for character in pointer {
            if afterTilde, character != "0", character != "1" { return false }
            afterTilde = character == "~"
        }
        return !afterTilde
    }

    /// Every node `pointer` may name: a repeated mapping key names each of its values.
    private static func nodes(at pointer: String, in root: Node) -> [Node] {
        let tokens = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
        var current = [root]
        for token in tokens {
            current = current.flatMap { node -> [Node] in
                switch node {
                case .mapping(let mapping): return mapping.filter { ($0.key.string ?? "") == token }.map(\.value)
                case .sequence(let sequence): return Int(token).flatMap { sequence.indices.contains($0) ? [sequence[$0]] : nil } ?? []
                default: return []
                }
            }
        }
        return current
    }
}
