import Foundation
import KafkaRESTGenerator

extension SpecExample {
    /// The examples of this repository's spec/kafka-rest-v3.yaml whose schema is a component.
    static func all() throws -> [SpecExample] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try SpecExamples.collect(specPath: root.appendingPathComponent("spec/kafka-rest-v3.yaml").path).examples
    }
}
