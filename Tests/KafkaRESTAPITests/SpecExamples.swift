import Foundation
import KafkaRESTGenerator

extension SpecExamples {
    /// The examples of this repository's spec/kafka-rest-v3.yaml.
    static func repository() throws -> (examples: [SpecExample], unnamed: [SourceLocation]) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try collect(specPath: root.appendingPathComponent("spec/kafka-rest-v3.yaml").path)
    }
}
