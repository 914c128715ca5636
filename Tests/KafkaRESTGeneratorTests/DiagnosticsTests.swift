import Testing
@testable import KafkaRESTGenerator

@Suite("Bad specs give clear messages and never crash")
struct DiagnosticsTests {
    @Test func invalidYAMLIsAnErrorWithTheLine() throws {
        let yaml = "openapi: 3.0.3\npaths:\n  /a: {get: [\n"
        let failure = try #require(throws: GenerationFailed.self) {
            try Generator.render(specText: yaml, specFile: "bad.yaml", templatesFolder: GeneratorFixtures.templates)
        }
        let error = try #require(failure.diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.location.file == "bad.yaml")
        #expect(error.location.line == 4)
        #expect(error.description.hasPrefix("bad.yaml:4:"))
    }

    @Test func missingPathsIsAnError() throws {
        let failure = try #require(throws: GenerationFailed.self) {
            try Generator.render(specText: "openapi: 3.0.3\ninfo: {title: x, version: '1'}\n", specFile: "s.yaml", templatesFolder: GeneratorFixtures.templates)
        }
        #expect(failure.diagnostics.first?.message == "the spec has no 'paths' mapping")
    }

    @Test func brokenReferenceIsAWarningWithItsPointer() throws {
        let rendered = try GeneratorFixtures.generate(components: """
            schemas:
              Holder:
                type: object
                properties:
                  thing: {$ref: '#/components/schemas/Missing'}
            """)
        let warning = try #require(rendered.diagnostics.warnings.first)
        #expect(warning.message == "'$ref: #/components/schemas/Missing' points at no schema; read as any value")
        #expect(warning.location.pointer == "/components/schemas/Holder/properties/thing/$ref")
        #expect(rendered.lines("Models/Holder.swift").contains("public var thing: JSONValue?"))
    }

    @Test func wrongKindsAreWarningsNotFailures() throws {
        let rendered = try GeneratorFixtures.generate(components: """
            schemas:
              Odd:
                type: object
                required: [count, ghost]
                properties:
                  count: {type: int64}
                  flag: {type: boolean, nullable: maybe}
            """)
        let messages = rendered.diagnostics.warnings.map(\.message)
        #expect(messages.contains("'type: int64' is not an OpenAPI type; read as integer with format int64"))
        #expect(messages.contains("'nullable' should be true or false; read as false"))
        #expect(messages.contains("required property 'ghost' is not defined in 'properties'; ignored"))
        #expect(rendered.lines("Models/Odd.swift").contains("public var count: Int64"))
    }
}
