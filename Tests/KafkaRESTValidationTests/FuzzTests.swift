import Foundation
import FuzzSupport
import KafkaRESTGenerator
import KafkaRESTSupport
@testable import KafkaRESTValidation
import Testing

/// Random and mutated values never crash the validator, and every violation points at a place
/// that exists in the value (or, for a missing property, at a child of one that does).
@Suite("Validator fuzzing")
struct FuzzTests {
    /// Every this many inputs is also validated as JSON text, sometimes truncated or with a byte changed.
    static let textEvery = 10
    /// Failures reported in full per task; the rest are only counted.
    static let reportedFailures = 5

    /// What the suite counts.
    struct Tally: FuzzTally {
        var inputs = 0
        var accepted = 0
        var rejected = 0
        var violations = 0
        var texts = 0
        var failures = 0

        mutating func merge(_ other: Tally) {
            inputs += other.inputs
            accepted += other.accepted
            rejected += other.rejected
            violations += other.violations
            texts += other.texts
            failures += other.failures
        }
    }

    @Test func randomAndMutatedValues() async throws {
        let count = try FuzzBudget.inputs(for: .validator)
        let seed = try FuzzBudget.seed()
        let examples = try SpecExample.all()
        let seeds = try examples.map { try JSONDecoder().decode(JSONValue.self, from: $0.json) }
        let exampleSchemas = examples.map(\.schemaName)
        let validator = SchemaValidator(rules: KafkaRules(maxMessageBytes: 64))
        let names = validator.table.keys.sorted() + ["NoSuchSchema"]

        let started = ContinuousClock.now
        let tally: Tally = await FuzzBudget.run(inputs: count) { index, tally in
            var inputs = FuzzInputs(random: SeededGenerator(seed: seed, index: index), seeds: seeds)
            let value = inputs.next()
            let schema = Bool.random(using: &inputs.random)
                ? names.randomElement(using: &inputs.random)!
                : exampleSchemas.randomElement(using: &inputs.random)!
            let encoder = JSONEncoder()
            func fail(_ message: String, text: Data?) {
                tally.failures += 1
                guard tally.failures <= Self.reportedFailures else { return }
                let input = text ?? (try? encoder.encode(value)) ?? Data("\(value)".utf8)
                Issue.record("validator: input \(index) of seed \(FuzzBudget.describe(seed: seed)) against \(schema): \(message)\ninput: \(FuzzBudget.preview(input))")
            }

            tally.inputs += 1
            let violations = validator.validate(value, against: schema)
            tally.violations += violations.count
            if violations.isEmpty { tally.accepted += 1 } else { tally.rejected += 1 }
            if let dangling = Self.danglingPointer(violations, in: value) {
                fail("\(dangling) does not resolve", text: nil)
            }

            guard index % Self.textEvery == 0, var text = try? encoder.encode(value) else { return }
            if Bool.random(using: &inputs.random), !text.isEmpty {
                let position = Int.random(in: 0..<text.count, using: &inputs.random)
                if Bool.random(using: &inputs.random) {
                    text = text.prefix(position)
                } else {
                    text[position] = UInt8.random(in: 0...255, using: &inputs.random)
                }
            }
            let textViolations = validator.validate(json: text, against: schema)
            tally.texts += 1
            if let parsed = try? JSONParser.parse(text) {
                if let dangling = Self.danglingPointer(textViolations, in: parsed) {
                    fail("\(dangling) does not resolve in the text", text: text)
                }
            } else if textViolations.count != 1 {
                fail("text that does not parse gave \(textViolations.count) violations: \(textViolations)", text: text)
            }
        }
        let elapsed = ContinuousClock.now - started
        print("fuzz: validator: \(tally.inputs) inputs, seed \(FuzzBudget.describe(seed: seed)), 0 crashes, \(tally.accepted) accepted, \(tally.rejected) rejected (\(tally.violations) violations), \(tally.texts) also as JSON text, \(tally.failures) property failures, \(FuzzBudget.describe(elapsed))")
        #expect(tally.inputs == count)
        #expect(tally.failures == 0)
    }

    /// The first violation whose pointer resolves neither in `value` nor by its parent.
    private static func danglingPointer(_ violations: [Violation], in value: JSONValue) -> Violation? {
        violations.first { violation in
            guard value.resolve(violation.pointer) == nil else { return false }
            let parent = violation.pointer.lastIndex(of: "/").map { String(violation.pointer[..<$0]) }
            return parent.flatMap { value.resolve($0) } == nil
        }
    }
}
