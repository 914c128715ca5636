import Foundation
@testable import KafkaRESTGenerator

/// Paths in the repository and a helper that runs the generator on YAML text.
enum GeneratorFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var templates: String { repositoryRoot.appendingPathComponent("Templates").path }

    /// Generates from a small spec whose `paths` and `components` are given as YAML, declaring
    /// OpenAPI `openapi` (3.0.3 unless told).
    static func generate(openapi: String = "3.0.3", paths: String = "{}", components: String = "{}") throws -> Generator.Rendered {
        let yaml = """
            openapi: \(openapi)
            info: {title: Snippet, version: "1"}
            paths: \(indent(paths))
            components: \(indent(components))
            """
        return try Generator.render(specText: yaml, specFile: "snippet.yaml", templatesFolder: templates)
    }

    /// Generates from a spec file under `Tests/Fixtures/`.
    static func generate(fixture name: String) throws -> Generator.Rendered {
        let path = repositoryRoot.appendingPathComponent("Tests/Fixtures/\(name)").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try Generator.render(specText: text, specFile: name, templatesFolder: templates)
    }

    private static func indent(_ block: String) -> String {
        guard block.contains("\n") else { return block }
        return "\n" + block.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}

extension Generator.Rendered {
    /// The file at `path`, or an empty string.
    func file(_ path: String) -> String { files[path] ?? "" }

    /// The first top-level declaration of the file at `path` with its documentation comment: the
    /// lines from the comment above the first `public` line to the first closing `}` at the start
    /// of a line (or the `public` line alone, for a type alias), each ending in a newline.
    func declaration(_ path: String) -> String {
        let lines = file(path).split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("public ") }) else { return "" }
        var first = start
        while first > 0, lines[first - 1].hasPrefix("///") { first -= 1 }
        let end = lines[start].hasSuffix("{") ? lines[start...].firstIndex(of: "}") ?? start : start
        return lines[first...end].map { $0 + "\n" }.joined()
    }

    /// The lines of every file, trimmed, for `contains` checks that ignore indentation.
    func lines(_ path: String) -> [String] {
        file(path).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
