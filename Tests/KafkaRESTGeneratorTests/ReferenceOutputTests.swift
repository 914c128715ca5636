import Foundation
import Testing
@testable import KafkaRESTGenerator

/// Generated/ is committed; it must be exactly what the generator writes
/// from spec/ and Templates/. So must Tests/TypesFixture/, from Tests/Fixtures/types.yaml
/// (the type model's fixture, compiled and exercised by Tests/TypesFixtureTests).
@Suite("Generated/ matches spec/ + Templates/")
struct ReferenceOutputTests {
    @Test func generatedFolderIsUpToDate() throws {
        let stale = try Self.staleFiles(spec: "spec/kafka-rest-v3.yaml", folder: "Generated")
        #expect(stale == [], "Generated/ is stale: run `swift run kafka-rest-gen` and commit the result")
    }

    @Test func typesFixtureIsUpToDate() throws {
        let stale = try Self.staleFiles(spec: "Tests/Fixtures/types.yaml", folder: "Tests/TypesFixture")
        #expect(stale == [], "Tests/TypesFixture/ is stale: run `swift run kafka-rest-gen --spec Tests/Fixtures/types.yaml --output Tests/TypesFixture`, review the diff and commit it")
    }

    /// The files of `folder` (relative to the repository root) that differ from, are missing
    /// from, or are not in what the generator writes from `spec`, sorted.
    private static func staleFiles(spec: String, folder: String) throws -> [String] {
        let root = GeneratorFixtures.repositoryRoot
        let specPath = root.appendingPathComponent(spec).path
        let text = try String(contentsOfFile: specPath, encoding: .utf8)
        let rendered = try Generator.render(specText: text, specFile: specPath, templatesFolder: GeneratorFixtures.templates)
        let generated = root.appendingPathComponent(folder)
        var onDisk: Set<String> = []
        let enumerator = try #require(FileManager.default.enumerator(atPath: generated.path))
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".swift") { onDisk.insert(path) }
        }
        return Set(rendered.files.keys).union(onDisk).filter { path in
            let existing = try? String(contentsOf: generated.appendingPathComponent(path), encoding: .utf8)
            return existing != rendered.files[path]
        }.sorted()
    }
}
