import Foundation
import KafkaRESTGenerator
import KafkaRESTSupport
@testable import KafkaRESTValidation
import Testing

/// Random and mutated values never crash the validator, and every violation points at a place
/// that exists in the value (or, for a missing property, at a child of one that does).
@Suite("Fuzzing")
struct FuzzTests {
    static let valueCount = 100_000
    static let textEvery = 10

    @Test func randomAndMutatedValues() throws {
        let examples = try SpecExample.all()
        let seeds = try examples.map { try JSONDecoder().decode(JSONValue.self, from: $0.json) }
        let exampleSchemas = examples.map(\.schemaName)
        let validator = SchemaValidator(rules: KafkaRules(maxMessageBytes: 64))
        let names = validator.table.keys.sorted() + ["NoSuchSchema"]
        var inputs = FuzzInputs(random: SeededGenerator(seed: 0x5EED_CAFE), seeds: seeds)
        let encoder = JSONEncoder()
        var texts = 0
        var violationCount = 0
        let started = ContinuousClock.now

        for count in 0..<Self.valueCount {
            let value = inputs.next()
            let schema = Bool.random(using: &inputs.random)
                ? names.randomElement(using: &inputs.random)!
                : exampleSchemas.randomElement(using: &inputs.random)!
            let violations = validator.validate(value, against: schema)
            violationCount += violations.count
            try Self.expectPointersResolve(violations, in: value, count: count)

            guard count % Self.textEvery == 0, var text = try? encoder.encode(value) else { continue }
            if Bool.random(using: &inputs.random), !text.isEmpty {
                let index = Int.random(in: 0..<text.count, using: &inputs.random)
                if Bool.random(using: &inputs.random) {
                    text = text.prefix(index)
                } else {
                    text[index] = UInt8.random(in: 0...255, using: &inputs.random)
                }
            }
            let textViolations = validator.validate(json: text, against: schema)
            texts += 1
            if let parsed = try? JSONParser.parse(text) {
                try Self.expectPointersResolve(textViolations, in: parsed, count: count)
            } else {
                #expect(textViolations.count == 1, "input \(count): \(textViolations)")
            }
        }
        let elapsed = ContinuousClock.now - started
        print("fuzzed \(Self.valueCount) values and \(texts) JSON texts in \(elapsed): \(violationCount) violations")
    }

    /// Every pointer resolves in `value`, or its parent does.
    private static func expectPointersResolve(_ violations: [Violation], in value: JSONValue, count: Int) throws {
        for violation in violations where value.resolve(violation.pointer) == nil {
            let parent = violation.pointer.lastIndex(of: "/").map { String(violation.pointer[..<$0]) }
            try #require(parent.flatMap { value.resolve($0) } != nil, "input \(count): \(violation) does not resolve")
        }
    }
}
