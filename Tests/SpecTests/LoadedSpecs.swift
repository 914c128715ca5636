import Foundation

/// One of Confluent's reference files, parsed.
struct ReferenceSpec: Sendable {
    /// The file name, e.g. `confluent-cloud-kafka-rest-v3.yaml`.
    let name: String
    let url: URL
    let document: OpenAPIDocument
    /// The prefix stripped from its paths (`/kafka/v3`, `/internal/kafka/v3`).
    let basePath: String

    init(url: URL) throws {
        self.url = url
        name = url.lastPathComponent
        do {
            document = try OpenAPIDocument(contentsOf: url)
        } catch {
            throw SpecError(description: "cannot read reference spec \(url.path): \(error)")
        }
        basePath = ReferenceSpecs.basePath(of: document)
    }

    /// Its operations keyed by `METHOD /path` after the base.
    func operations() throws -> [String: OperationFacts] {
        try OperationFacts.all(in: document, basePath: basePath)
    }
}

/// The specs and comparison results, computed once per test process and shared by all tests.
enum LoadedSpecs {
    /// The reference files; `nil` when the reference folder does not exist.
    static let references: Result<[ReferenceSpec], any Error>? = {
        let files: [URL]?
        do {
            files = try ReferenceSpecs.files()
        } catch {
            return .failure(error)
        }
        return files.map { files in Result { try files.map(ReferenceSpec.init(url:)) } }
    }()

    /// Our `spec/kafka-rest-v3.yaml`.
    static let ours = Result<OpenAPIDocument, any Error> {
        guard FileManager.default.fileExists(atPath: ReferenceSpecs.ourSpec.path) else {
            throw SpecError(description: "our spec is missing: \(ReferenceSpecs.ourSpec.path)")
        }
        return try OpenAPIDocument(contentsOf: ReferenceSpecs.ourSpec)
    }

    /// The differences between ours and each reference file, keyed by file name; `nil` when the
    /// reference folder does not exist.
    static let differencesByFile: Result<[String: [Difference]], any Error>? = references.map { loaded in
        Result {
            let ours = try ours.get()
            var differences: [String: [Difference]] = [:]
            for reference in try loaded.get() {
                differences[reference.name] = try SpecComparison.differences(
                    reference: reference.document, referenceBasePath: reference.basePath, ours: ours)
            }
            return differences
        }
    }

    /// The reference files, or `nil` after printing why the calling test skips.
    static func referencesOrSkip() throws -> [ReferenceSpec]? {
        guard let references else {
            Console.write(ReferenceSpecs.skipReason)
            return nil
        }
        return try references.get()
    }

    /// The differences per reference file, or `nil` after printing why the calling test skips.
    static func differencesOrSkip() throws -> [String: [Difference]]? {
        guard let differencesByFile else {
            Console.write(ReferenceSpecs.skipReason)
            return nil
        }
        return try differencesByFile.get()
    }

    /// `spec/conformance-exceptions.yaml`, parsed (read afresh: it is small).
    static func exceptions() throws -> ConformanceExceptions {
        try ConformanceExceptions(yaml: String(contentsOf: ReferenceSpecs.exceptionsFile, encoding: .utf8))
    }
}
