import Foundation
import KafkaRESTSupport
import Testing
@testable import KafkaRESTGenerator

@Suite("Schema table for payload validation")
struct SchemaTableTests {
    @Test func describesFlattenedSchemasWithConstraints() throws {
        let rendered = try GeneratorFixtures.generate(components: """
            schemas:
              Base:
                type: object
                required: [kind, ghost]
                properties:
                  kind: {type: string}
              Topic:
                allOf:
                  - $ref: '#/components/schemas/Base'
                  - type: object
                    required: [topic_name]
                    properties:
                      topic_name: {type: string, minLength: 1, maxLength: 249, pattern: '^[a-zA-Z0-9._-]+$'}
                      partitions_count: {type: integer, format: int32, minimum: 1}
                      state:
                        $ref: '#/components/schemas/State'
                        nullable: true
              State:
                type: string
                x-extensible-enum: [ACTIVE, FAILED]
            """)
        let file = rendered.file("SchemaTable.swift")
        let start = try #require(file.range(of: "#\"\"\"\n"))
        let end = try #require(file.range(of: "\n\"\"\"#"))
        let table = SchemaDescriptor.table(fromJSON: String(file[start.upperBound..<end.lowerBound]))
        let topic = try #require(table["Topic"])
        #expect(topic.type == "object")
        #expect(topic.required == ["kind", "topic_name"])
        #expect(topic.properties?.map(\.name) == ["kind", "topic_name", "partitions_count", "state"])
        let name = try #require(topic.properties?[1].schema)
        #expect(name.minLength == 1 && name.maxLength == 249 && name.pattern == "^[a-zA-Z0-9._-]+$")
        #expect(topic.properties?[2].schema.minimum == 1)
        #expect(topic.properties?[2].schema.format == "int32")
        let state = try #require(topic.properties?[3].schema)
        #expect(state.ref == "State" && state.nullable)
        #expect(table["State"]?.enumValues == ["ACTIVE", "FAILED"])
        #expect(table["State"]?.extensibleEnum == true)
    }

    @Test func rawStringDelimiterOutgrowsTheContent() throws {
        let rendered = try GeneratorFixtures.generate(components: """
            schemas:
              Tricky:
                type: string
                pattern: 'a"#b"##c'
            """)
        #expect(rendered.file("SchemaTable.swift").contains("private static let json = ###\"\"\""))
    }
}
