import Foundation
import FuzzSupport
import KafkaRESTAPI
import KafkaRESTGenerator
import KafkaRESTSupport
import Testing

/// Random and mutated JSON never crashes the decoders of the generated types and the support
/// types: each input is rejected with a `DecodingError` or decodes to a value that round-trips.
@Suite("Decoder fuzzing")
struct DecoderFuzzTests {
    /// What the suite counts.
    struct Tally: FuzzTally {
        var inputs = 0
        var decoded = 0
        var rejected = 0
        var failures = 0

        mutating func merge(_ other: Tally) {
            inputs += other.inputs
            decoded += other.decoded
            rejected += other.rejected
            failures += other.failures
        }
    }

    /// Failures reported in full per task; the rest are only counted.
    static let reportedFailures = 5

    @Test func randomAndMutatedJSONIsRejectedOrRoundTrips() async throws {
        let count = try FuzzBudget.inputs(for: .decoders)
        let seed = try FuzzBudget.seed()
        let targets = DecodeFuzzTarget.all()
        let byName = Dictionary(uniqueKeysWithValues: targets.map { ($0.name, $0) })
        let openEnums = targets.filter { $0.descriptor.extensibleEnum == true }
        let examples = try SpecExamples.repository().examples.map { example in
            (target: try #require(byName[example.schemaName]), json: try JSONDecoder().decode(JSONValue.self, from: example.json))
        }
        #expect(targets.count == SchemaRegistry.types.count + 3, "a generated type has no schema table entry")
        #expect(!examples.isEmpty && !openEnums.isEmpty)

        let started = ContinuousClock.now
        let tally: Tally = await FuzzBudget.run(inputs: count) { index, tally in
            var inputs = DecoderFuzzInputs(random: SeededGenerator(seed: seed, index: index))
            let target: DecodeFuzzTarget
            var tree: FuzzJSON?
            switch Int.random(in: 0..<100, using: &inputs.random) {
            case 0..<45:
                target = inputs.pick(targets)
                tree = inputs.sample(target.descriptor, depth: 6)
            case 45..<70:
                let example = inputs.pick(examples)
                target = example.target
                tree = FuzzJSON(example.json)
            case 70..<80:
                target = inputs.pick(openEnums)
                tree = .string(inputs.chance(50) ? inputs.pick(FuzzOddValues.unknownEnumValues) : inputs.string())
            case 80..<95:
                target = inputs.pick(targets)
                tree = inputs.tree(depth: 4)
            default:
                target = inputs.pick(targets)
                tree = nil
            }
            for _ in 0..<inputs.pick([0, 0, 1, 1, 1, 2, 3]) {
                tree = tree.map { inputs.mutateSomewhere($0) }
            }
            var text = tree.map { $0.text(escapingAll: inputs.chance(10)) } ?? inputs.randomBytes()
            if inputs.chance(20) {
                text = inputs.mutateBytes(text)
            }
            tally.inputs += 1
            switch target.check(text, decoder: JSONDecoder(), encoder: Self.encoder()) {
            case .decoded: tally.decoded += 1
            case .rejected: tally.rejected += 1
            case .failed(let message):
                tally.failures += 1
                if tally.failures <= Self.reportedFailures {
                    Issue.record("decoders: input \(index) of seed \(FuzzBudget.describe(seed: seed)) as \(target.name): \(message)\ninput: \(FuzzBudget.preview(text))")
                }
            }
        }
        let elapsed = ContinuousClock.now - started
        print("fuzz: decoders: \(tally.inputs) inputs, seed \(FuzzBudget.describe(seed: seed)), 0 crashes, \(tally.decoded) decoded, \(tally.rejected) rejected, \(tally.failures) property failures, \(FuzzBudget.describe(elapsed))")
        #expect(tally.inputs == count)
        #expect(tally.failures == 0)
    }

    /// An encoder with sorted keys, so equal values encode to equal bytes.
    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}
