import Foundation

/// Where the files under test live.
///
/// The repository root is found from this source file (`<root>/Tests/SpecTests/ReferenceSpecs.swift`);
/// the reference specs are Confluent's published OpenAPI files in `<root>/../shared/reference-specs`
/// (CI checks the repository out with `shared/` beside it), or wherever the environment variable
/// `KAFKA_REST_REFERENCE_SPECS` points.
enum ReferenceSpecs {
    /// The environment variable that overrides the reference folder.
    static let environmentVariable = "KAFKA_REST_REFERENCE_SPECS"

    /// Path prefixes of the reference files that are not part of the v3 API itself: the Cloud
    /// files serve under `/kafka/v3`, the proxy copy under `/internal/kafka/v3`. Longest first.
    static let knownBasePaths = ["/internal/kafka/v3", "/kafka/v3"]

    /// The root of the git repository.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Our own spec, `spec/kafka-rest-v3.yaml`.
    static let ourSpec = repositoryRoot.appendingPathComponent("spec/kafka-rest-v3.yaml")

    /// The accepted differences, `spec/conformance-exceptions.yaml`.
    static let exceptionsFile = repositoryRoot.appendingPathComponent("spec/conformance-exceptions.yaml")

    /// Our `spec/` folder.
    static let specFolder = repositoryRoot.appendingPathComponent("spec")

    /// The reference folder: `$KAFKA_REST_REFERENCE_SPECS` or `<root>/../shared/reference-specs`.
    static var folder: URL {
        if let override = ProcessInfo.processInfo.environment[environmentVariable], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        return repositoryRoot
            .deletingLastPathComponent()
            .appendingPathComponent("shared/reference-specs", isDirectory: true)
            .standardizedFileURL
    }

    /// The YAML files in the reference folder sorted by name, or `nil` when the folder does not exist.
    static func files() throws -> [URL]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            return nil
        }
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The line printed when a test skips because the reference folder is missing.
    static var skipReason: String {
        "reference specs not found at \(folder.path) (set \(environmentVariable) to override); skipping"
    }

    /// The prefix of `document`'s paths to strip: the longest known base that starts every path.
    static func basePath(of document: OpenAPIDocument) -> String {
        let paths = document.paths.keys
        return knownBasePaths.first { base in
            !paths.isEmpty && paths.allSatisfy { $0.hasPrefix(base + "/") }
        } ?? ""
    }
}
