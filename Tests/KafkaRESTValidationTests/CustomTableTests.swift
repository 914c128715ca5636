import Foundation
import KafkaRESTSupport
import KafkaRESTValidation
import Testing

/// Keywords the generated table does not use yet, checked with a hand-written table.
@Suite("Schema rules on a hand-written table")
struct CustomTableTests {
    static let table: [String: SchemaDescriptor] = [
        "Closed": SchemaDescriptor(
            type: "object",
            properties: [.init(name: "a", schema: SchemaDescriptor(type: "string"))],
            additionalPropertiesAllowed: false
        ),
        "Open": SchemaDescriptor(type: "object", properties: [.init(name: "a", schema: SchemaDescriptor(type: "string"))]),
        "Map": SchemaDescriptor(type: "object", additionalProperties: SchemaDescriptor(type: "integer", minimum: 0)),
        "Bounded": SchemaDescriptor(type: "number", minimum: 1, maximum: 10, exclusiveMaximum: true),
        "Code": SchemaDescriptor(type: "string", minLength: 2, maxLength: 3, pattern: "^[a-z]+$"),
        "Broken": SchemaDescriptor(type: "array", items: SchemaDescriptor(type: "string", pattern: "([")),
        "Pair": SchemaDescriptor(type: "array", items: SchemaDescriptor(type: "integer"), minItems: 2, maxItems: 2),
        "Dangling": SchemaDescriptor(ref: "Missing"),
        "Loop": SchemaDescriptor(ref: "Loop"),
        "Node": SchemaDescriptor(
            type: "object",
            properties: [.init(name: "children", schema: SchemaDescriptor(type: "array", items: SchemaDescriptor(ref: "Node")))],
            required: ["children"]
        ),
        "RequiredOnly": SchemaDescriptor(type: "object", required: ["x"]),
        "Color": SchemaDescriptor(type: "string", enumValues: ["red", "green"]),
    ]

    let validator = SchemaValidator(table: Self.table)

    @Test func unknownPropertyIsAnErrorOnlyWhenTheObjectIsClosed() {
        #expect(lines(#"{"a": "x", "zz": 1, "b": 2}"#, "Closed", validator) == [
            "error at /zz (Closed): property 'zz' is not allowed; the properties are a",
            "error at /b (Closed): property 'b' is not allowed; the properties are a",
        ])
        #expect(validator.validate(json(#"{"a": "x", "zz": 1, "b": 2}"#), against: "Closed").map(\.pointer) == ["/b", "/zz"])
        #expect(lines(#"{"a": "x", "zz": 1}"#, "Open", validator).isEmpty)
    }

    @Test func additionalPropertiesSchemaChecksMapValues() {
        #expect(lines(#"{"x": 1, "y": -1, "z": "2"}"#, "Map", validator) == [
            "error at /y (Map): -1 is less than the minimum 0",
            #"error at /z (Map): expected integer, got string "2""#,
        ])
    }

    @Test func numericBounds() {
        #expect(lines("1", "Bounded", validator).isEmpty)
        #expect(lines("9.5", "Bounded", validator).isEmpty)
        #expect(lines("0.5", "Bounded", validator) == ["error at root (Bounded): 0.5 is less than the minimum 1"])
        #expect(lines("10", "Bounded", validator) == ["error at root (Bounded): 10 is not less than the exclusive maximum 10"])
    }

    @Test func lengthsCountUnicodeScalarsAndPatternsAreUnanchoredSearches() {
        #expect(lines(#""ab""#, "Code", validator).isEmpty)
        #expect(lines(#""a""#, "Code", validator) == ["error at root (Code): 'a' is 1 characters long, shorter than the minimum 2"])
        #expect(lines(#""abcd""#, "Code", validator) == ["error at root (Code): 'abcd' is 4 characters long, longer than the maximum 3"])
        #expect(lines(#""A1""#, "Code", validator) == ["error at root (Code): 'A1' does not match the pattern ^[a-z]+$"])
        // "é" as e + combining acute accent is one Character but two Unicode scalars.
        #expect(lines("\"e\u{301}\"", "Code", validator).count == 1)
        #expect(lines("\"\u{1F600}\"", "Code", validator).count == 2)
    }

    @Test func invalidPatternIsOneWarning() {
        #expect(lines(#"["a", "b", "c"]"#, "Broken", validator).count == 1)
        let violations = validator.validate(json: Data(#"["a", "b"]"#.utf8), against: "Broken")
        #expect(violations.map(\.severity) == [.warning])
        #expect(violations.first?.pointer == "/0")
        #expect(violations.first?.message.hasPrefix("the schema's pattern '([' is not a valid regular expression") == true)
    }

    @Test func itemCounts() {
        #expect(lines("[1, 2]", "Pair", validator).isEmpty)
        #expect(lines("[1]", "Pair", validator) == ["error at root (Pair): array has 1 items, fewer than the minimum 2"])
        #expect(lines("[1, 2, 3]", "Pair", validator) == ["error at root (Pair): array has 3 items, more than the maximum 2"])
    }

    @Test func brokenReferencesAreReportedNotFollowedForever() {
        #expect(lines("1", "Dangling", validator) == ["error at root (Dangling): refers to schema 'Missing', which is not in the table"])
        #expect(lines("1", "Loop", validator) == [
            "warning at root (Loop): schema 'Loop' refers to itself without nesting; not checked further",
        ])
    }

    @Test func recursiveSchemaFollowsTheValue() {
        var value: JSONValue = ["children": []]
        for _ in 0..<200 {
            value = ["children": [value]]
        }
        #expect(validator.validate(value, against: "Node").isEmpty)
        var broken: JSONValue = ["children": [[:]]]
        for _ in 0..<3 {
            broken = ["children": [broken]]
        }
        #expect(validator.validate(broken, against: "Node").map(\.pointer) == ["/children/0/children/0/children/0/children/0/children"])
    }

    @Test func requiredNamesThatAreNotDeclaredProperties() {
        #expect(lines("{}", "RequiredOnly", validator) == ["error at /x (RequiredOnly): required property 'x' is missing"])
    }

    @Test func longValuesAreQuotedShort() {
        let long = String(repeating: "x", count: 100)
        let message = validator.validate(.string(long), against: "Color").first?.message
        #expect(message == "'\(String(repeating: "x", count: 64))…' is not one of red, green")
        #expect(validator.validate(.string("a\n'b"), against: "Color").first?.message == #"'a\n\'b' is not one of red, green"#)
    }
}
