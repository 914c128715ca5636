import ArgumentParser
import Foundation
import KafkaRESTGenerator

/// `kafka-rest-gen`: regenerates the Swift API module from an OpenAPI spec.
@main
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kafka-rest-gen",
        abstract: "Generate Swift models and endpoint functions from an OpenAPI 3.0 or 3.1 spec.",
        discussion: """
            With no options, regenerates Generated/ from spec/kafka-rest-v3.yaml (run it from the \
            repository root) with the templates built into kafka-rest-gen from Templates/. \
            Only files whose content changes are written.
            Exit status: 0 success; 1 --check found files that would change; 2 the spec or templates have errors.
            """
    )

    @Option(help: "The OpenAPI file.")
    var spec = "spec/kafka-rest-v3.yaml"

    @Option(help: "A folder of Mustache templates to use instead of the built-in ones (Templates/ when kafka-rest-gen was built).")
    var templates: String?

    @Option(help: "The folder the module's Swift files go to.")
    var output = "Generated"

    @Option(help: "The module name (used with --package-dir).")
    var moduleName = "KafkaRESTAPI"

    @Flag(help: "Write nothing; exit 1 listing the files that would change.")
    var check = false

    @Option(help: "Write a complete SwiftPM package (Package.swift + Sources/<module>) to this folder instead of --output.")
    var packageDir: String?

    @Option(help: "The package that provides KafkaRESTSupport, for --package-dir: a folder, or a Git URL and version (https://github.com/OWNER/NAME@1.2.0) for a package that can be published (default: the folder above --templates, else the package kafka-rest-gen was built from).")
    var supportPackage: String?

    @Option(help: "Generate only these operations (comma-separated operationIds; an operation without one by the name kafka-rest-gen gives it), and the types they use.")
    var operations: String?

    @Option(help: "Generate only the operations with one of these tags (comma-separated), and the types they use.")
    var tags: String?

    @Option(help: "The access modifier of the generated declarations: public, package or internal.")
    var access: AccessLevel = .public

    @Flag(help: "Print every warning, not just the first 20.")
    var verbose = false

    /// The package this executable was built from (it provides KafkaRESTSupport).
    private static let builtFromPackage = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The items of a comma-separated option, trimmed, without empty ones.
    private static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        let options = Generator.Options(
            specPath: spec,
            templatesFolder: templates,
            outputFolder: output,
            moduleName: moduleName,
            check: check,
            packageDirectory: packageDir,
            supportPackage: supportPackage ?? templates.map { URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent().path } ?? Self.builtFromPackage.path,
            selection: OperationSelection(operationIDs: operations.map(Self.list), tags: tags.map(Self.list)),
            access: access
        )
        let summary: Generator.Summary
        do {
            summary = try Generator.run(options)
        } catch let failure as GenerationFailed {
            FileHandle.standardError.write(Data((failure.description + "\n").utf8))
            throw ExitCode(2)
        }
        let shown = verbose ? summary.warnings : Array(summary.warnings.prefix(20))
        for warning in shown {
            FileHandle.standardError.write(Data((warning.description + "\n").utf8))
        }
        if shown.count < summary.warnings.count {
            FileHandle.standardError.write(Data("… and \(summary.warnings.count - shown.count) more warnings (--verbose lists them)\n".utf8))
        }
        let changed = (summary.written + summary.removed).sorted()
        let verb = check ? "would write" : "written"
        print(String(
            format: "kafka-rest-gen: %d operations, %d types, %d files %@, %d unchanged, %d %@ in %.3f s (%d warnings)",
            summary.operations, summary.types, summary.written.count, verb, summary.unchanged.count,
            summary.removed.count, check ? "would be removed" : "removed", summary.seconds, summary.warnings.count
        ))
        if check && !changed.isEmpty {
            print("Generated code is out of date; these files would change:")
            for path in changed { print("  \(path)") }
            print("Run `swift run kafka-rest-gen` and commit the result.")
            throw ExitCode(1)
        }
    }
}

extension AccessLevel: ExpressibleByArgument {}
