import Foundation
import Testing
@testable import KafkaRESTGenerator

/// Generated/ is committed; it must be exactly what the generator writes
/// from spec/ and Templates/.
@Suite("Generated/ matches spec/ + Templates/")
struct ReferenceOutputTests {
    @Test func generatedFolderIsUpToDate() throws {
        let root = GeneratorFixtures.repositoryRoot
        let specPath = root.appendingPathComponent("spec/kafka-rest-v3.yaml").path
        let text = try String(contentsOfFile: specPath, encoding: .utf8)
        let rendered = try Generator.render(specText: text, specFile: specPath, templatesFolder: GeneratorFixtures.templates)
        let generated = root.appendingPathComponent("Generated")
        var onDisk: Set<String> = []
        let enumerator = try #require(FileManager.default.enumerator(atPath: generated.path))
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".swift") { onDisk.insert(path) }
        }
        let stale = Set(rendered.files.keys).union(onDisk).filter { path in
            let existing = try? String(contentsOf: generated.appendingPathComponent(path), encoding: .utf8)
            return existing != rendered.files[path]
        }
        #expect(stale.sorted() == [], "Generated/ is stale: run `swift run kafka-rest-gen` and commit the result")
    }
}
