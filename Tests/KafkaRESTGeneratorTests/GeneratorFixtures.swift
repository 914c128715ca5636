import Foundation
@testable import KafkaRESTGenerator

/// Paths in the repository and a helper that runs the generator on YAML text.
enum GeneratorFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var templates: String { repositoryRoot.appendingPathComponent("Templates").path }

    /// Generates from a small spec whose `paths` and `components` are given as YAML.
    static func generate(paths: String = "{}", components: String = "{}") throws -> Generator.Rendered {
        let yaml = """
            openapi: 3.0.3
            info: {title: Snippet, version: "1"}
            paths: \(indent(paths))
            components: \(indent(components))
            """
        return try Generator.render(specText: yaml, specFile: "snippet.yaml", templatesFolder: templates)
    }

    private static func indent(_ block: String) -> String {
        guard block.contains("\n") else { return block }
        return "\n" + block.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}

extension Generator.Rendered {
    /// The file at `path`, or an empty string.
    func file(_ path: String) -> String { files[path] ?? "" }

    /// The lines of every file, trimmed, for `contains` checks that ignore indentation.
    func lines(_ path: String) -> [String] {
        file(path).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
