import Foundation
import FuzzSupport
@testable import KafkaRESTGenerator
import Testing

/// Mutated fragments of the spec and random YAML never crash the spec loader or the whole
/// generator: each input is read or refused with at least one error, and every diagnostic
/// points inside the input.
@Suite("Spec loader fuzzing")
struct LoaderFuzzTests {
    /// What the suite counts.
    struct Tally: FuzzTally {
        var inputs = 0
        var loaded = 0
        var rejected = 0
        var diagnostics = 0
        var rendered = 0
        var fromFiles = 0
        var failures = 0

        mutating func merge(_ other: Tally) {
            inputs += other.inputs
            loaded += other.loaded
            rejected += other.rejected
            diagnostics += other.diagnostics
            rendered += other.rendered
            fromFiles += other.fromFiles
            failures += other.failures
        }
    }

    /// Every this many inputs goes through `Generator.render`, templates and all.
    static let renderEvery = 25
    /// Every this many inputs is read from a file, half of them with bytes that are not UTF-8.
    static let fileEvery = 50
    /// Failures reported in full per task; the rest are only counted.
    static let reportedFailures = 5

    /// The fragments of the first, smaller random-spec test.
    static let fragments = [
        "openapi: 3.0.3\n", "paths:\n", "  /a:\n", "    get:\n", "      responses: {'200': {description: x}}\n",
        "components:\n", "  schemas:\n", "    A: {allOf: [{$ref: '#/components/schemas/A'}]}\n",
        "    B: {type: array}\n", "    C: {$ref: 7}\n", "- x\n", "{\n", "]]", "\t", "paths: 3\n", ": :\n",
        "    D: {properties: {x: {$ref: '#/components/schemas/D'}}}\n", "      parameters: [{in: path}]\n",
    ]

    @Test func mutatedSpecsLoadOrFailWithErrorsInsideTheText() async throws {
        let count = try FuzzBudget.inputs(for: .loader)
        let seed = try FuzzBudget.seed()
        let blocks = try SpecFuzzBlocks.repository()
        let templates = GeneratorFixtures.templates
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spec-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(blocks.paths.count > 50 && (blocks.components["schemas"]?.count ?? 0) > 100)

        let started = ContinuousClock.now
        let tally: Tally = await FuzzBudget.run(inputs: count) { index, tally in
            var inputs = SpecFuzzInputs(random: SeededGenerator(seed: seed, index: index), blocks: blocks)
            var text: String
            switch Int.random(in: 0..<100, using: &inputs.random) {
            case 0..<75:
                text = inputs.fragment()
                if inputs.chance(60) { text = inputs.mutateLines(text) }
            case 75..<95:
                text = inputs.randomYAML()
            default:
                text = (0..<Int.random(in: 1...8, using: &inputs.random)).map { _ in inputs.pick(Self.fragments) }.joined()
            }
            if inputs.chance(25) { text = inputs.mutateBytes(text) }

            tally.inputs += 1
            var diagnostics = Diagnostics()
            var strayCharacter: String?
            let file: String
            let outcome: Result<Void, any Error>
            if index % Self.fileEvery == 0 {
                tally.fromFiles += 1
                var bytes = Array(text.utf8)
                if index % (2 * Self.fileEvery) == 0 {
                    let invalid: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x80], [0xF4, 0x90, 0x80, 0x80]]
                    bytes.insert(contentsOf: inputs.pick(invalid), at: Int.random(in: 0...bytes.count, using: &inputs.random))
                }
                file = folder.appendingPathComponent("\(index).yaml").path
                outcome = Result {
                    try Data(bytes).write(to: URL(fileURLWithPath: file))
                    defer { try? FileManager.default.removeItem(atPath: file) }
                    let document = try DocumentLoader().load(path: file, diagnostics: &diagnostics)
                    try Self.build(document, &diagnostics)
                }
            } else if index % Self.renderEvery == 1 {
                tally.rendered += 1
                file = "fuzz.yaml"
                outcome = Result {
                    let rendered = try Generator.render(specText: text, specFile: file, templatesFolder: templates)
                    diagnostics = rendered.diagnostics
                    strayCharacter = Self.strayCharacter(in: rendered.files)
                }
            } else {
                file = "fuzz.yaml"
                outcome = Result {
                    let document = try DocumentLoader().load(text: text, file: file, diagnostics: &diagnostics)
                    try Self.build(document, &diagnostics)
                }
            }

            var problem: String?
            var reported = diagnostics.all
            switch outcome {
            case .success:
                if diagnostics.errors.isEmpty { tally.loaded += 1 } else { tally.rejected += 1 }
            case .failure(let failure as GenerationFailed):
                tally.rejected += 1
                reported = failure.diagnostics
                if !reported.contains(where: { $0.severity == .error }) { problem = "failed without an error: \(failure)" }
            case .failure(let error):
                problem = "threw \(type(of: error)), not GenerationFailed: \(error)"
            }
            tally.diagnostics += reported.count
            let check = SpecFuzzCheck(text: text, file: file)
            problem = problem ?? strayCharacter ?? check.problem(in: reported)
            if let problem {
                tally.failures += 1
                if tally.failures <= Self.reportedFailures {
                    Issue.record("loader: input \(index) of seed \(FuzzBudget.describe(seed: seed)): \(problem)\ninput: \(FuzzBudget.preview(Data(text.utf8)))")
                }
            }
        }
        let elapsed = ContinuousClock.now - started
        print("fuzz: loader: \(tally.inputs) inputs, seed \(FuzzBudget.describe(seed: seed)), 0 crashes, \(tally.loaded) loaded, \(tally.rejected) rejected, \(tally.diagnostics) diagnostics, \(tally.rendered) rendered in full, \(tally.fromFiles) read from files, \(tally.failures) property failures, \(FuzzBudget.describe(elapsed))")
        #expect(tally.inputs == count)
        #expect(tally.failures == 0)
    }

    /// Builds the module from `document`.
    /// Where a generated file holds a line terminator other than `\n` or another control
    /// character (tab aside), which could end a comment line early or hide code.
    private static func strayCharacter(in files: [String: String]) -> String? {
        for (path, source) in files.sorted(by: { $0.key < $1.key }) {
            let stray = source.unicodeScalars.first { scalar in
                scalar != "\n" && scalar != "\t"
                    && (scalar.properties.generalCategory == .control || [0x2028, 0x2029].contains(scalar.value))
            }
            if let stray { return "\(path) holds U+\(String(stray.value, radix: 16, uppercase: true))" }
        }
        return nil
    }

    private static func build(_ document: OpenAPIDocument, _ diagnostics: inout Diagnostics) throws {
        _ = ModuleBuilder.build(document, diagnostics: &diagnostics)
    }

    /// Found by this fuzzer: at the end of a text that does not end with a line break (here,
    /// where the unclosed flow sequence ends), libyaml's mark lies on the line after the last.
    @Test func errorAtTheEndOfTheTextIsJustAfterItsLastCharacter() throws {
        for (text, line, column) in [("openapi: 3.0.3\npaths: {a: [", 2, 13), ("openapi: 3.0.3\rpaths: {a: [", 2, 13), ("paths: {a: [\n", 2, 1), (" \n---\n ", 3, 2)] {
            let failure = try #require(throws: GenerationFailed.self) {
                try Generator.render(specText: text, specFile: "end.yaml", templatesFolder: GeneratorFixtures.templates)
            }
            let location = try #require(failure.diagnostics.first?.location)
            #expect((location.line, location.column) == (line, column), "\(text.debugDescription): \(location)")
        }
    }

    /// Found by this fuzzer: a property whose `allOf` refers back to the schema that holds it
    /// made the generator merge the same properties again at each level until the stack
    /// overflowed. The inner occurrence is now read as a free-form value, with a warning.
    @Test func propertyWhoseAllOfRefersToItsOwnSchema() throws {
        let rendered = try GeneratorFixtures.generate(components: """
            schemas:
              Node:
                type: object
                properties:
                  name: {type: string}
                  child:
                    allOf:
                    - $ref: '#/components/schemas/Node'
                    - description: The child node.
            """)
        let warnings = rendered.diagnostics.all.filter { $0.message.contains("allOf refers back to a schema that contains it") }
        #expect(!warnings.isEmpty)
        #expect(warnings.allSatisfy { $0.location.pointer == "/components/schemas/Node/properties/child" }, "\(warnings)")
        #expect(rendered.lines("Models/NodeChild.swift").contains("public var child: JSONValue?"), "\(rendered.file("Models/NodeChild.swift"))")
        #expect(rendered.lines("Models/Node.swift").contains("public var child: NodeChild?"))
    }
}
