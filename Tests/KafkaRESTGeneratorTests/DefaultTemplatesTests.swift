import Foundation
import Testing
@testable import KafkaRESTGenerator

/// The templates compiled into the generator are Templates/, and `kafka-rest-gen` needs no
/// templates folder, so it runs from any working directory.
@Suite("Built-in templates")
struct DefaultTemplatesTests {
    @Test func builtInTemplatesAreTheTemplatesFolder() throws {
        let folder = GeneratorFixtures.templates
        var onDisk: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".mustache") {
            onDisk[String(name.dropLast(".mustache".count))] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        }
        #expect(!onDisk.isEmpty)
        #expect(DefaultTemplates.byName == onDisk)
    }

    @Test func generatorRunsFromAnotherWorkingDirectoryWithoutTemplates() throws {
        let root = GeneratorFixtures.repositoryRoot
        let binary = try #require(Self.builtGenerator, "kafka-rest-gen is not built; run `swift build --build-tests`")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("kafka-rest-gen-cwd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let process = Process()
        process.executableURL = binary
        process.currentDirectoryURL = work
        process.arguments = ["--spec", root.appendingPathComponent("Tests/Fixtures/types.yaml").path, "--output", "Out"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let expected = root.appendingPathComponent("Tests/TypesFixture")
        let files = try #require(FileManager.default.enumerator(atPath: expected.path)?.allObjects as? [String]).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 20)
        for file in files {
            let written = try? String(contentsOf: work.appendingPathComponent("Out").appendingPathComponent(file), encoding: .utf8)
            #expect(written == (try String(contentsOf: expected.appendingPathComponent(file), encoding: .utf8)), "\(file) differs")
        }
    }

    /// The `kafka-rest-gen` executable next to the test bundle, or `nil` if it was not built.
    private static var builtGenerator: URL? {
        [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("kafka-rest-gen") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
