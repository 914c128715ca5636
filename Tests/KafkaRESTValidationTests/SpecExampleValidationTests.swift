import Foundation
import KafkaRESTGenerator
import KafkaRESTSupport
import KafkaRESTValidation
import Testing

/// Every JSON example of spec/ is valid against its component schema, Kafka REST rules included.
@Suite("Examples of spec/ validate")
struct SpecExampleValidationTests {
    static let examples = Result { try SpecExample.all() }

    @Test func examplesAreFound() throws {
        #expect(try Self.examples.get().count >= 50)
    }

    @Test(arguments: try Self.examples.get())
    func exampleHasNoViolations(_ example: SpecExample) {
        let violations = SchemaValidator().validate(json: example.json, against: example.schemaName)
        #expect(violations.isEmpty, "\(violations.map(\.description).joined(separator: "\n"))")
    }
}
