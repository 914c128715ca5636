import Foundation
import Testing

/// An OpenAPI file the contract tests serve: ours, and each of Confluent's reference files
/// when `../shared/reference-specs/` is beside the repository.
struct ContractSpec: Sendable, CustomTestStringConvertible {
    let file: URL

    var testDescription: String { file.lastPathComponent }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `spec/kafka-rest-v3.yaml`.
    static let ours = ContractSpec(file: repositoryRoot.appendingPathComponent("spec/kafka-rest-v3.yaml"))

    /// The reference files present, sorted by name.
    static let references: [ContractSpec] = {
        let folder = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/reference-specs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { ContractSpec(file: folder.appendingPathComponent($0)) }
    }()
}
