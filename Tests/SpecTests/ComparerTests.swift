import Foundation
import Testing

/// Proves the comparer on small inline specs, and on the reference files compared with themselves.
@Suite struct ComparerTests {
    /// A one-operation spec: `GET <base>/topics` answering 200 with `schema`, plus `components`.
    /// Both are YAML flow mappings on one line, e.g. `{type: object}`.
    private static func spec(base: String = "", schema: String, components: String = "{}") -> String {
        """
        openapi: 3.0.0
        paths:
          \(base)/topics:
            get:
              responses:
                "200":
                  content:
                    application/json:
                      schema: \(schema)
        components: \(components)
        """
    }

    private static func differences(_ reference: String, _ ours: String) throws -> [String] {
        let referenceDocument = try OpenAPIDocument(yaml: reference)
        return try SpecComparison.differences(
            reference: referenceDocument,
            referenceBasePath: ReferenceSpecs.basePath(of: referenceDocument),
            ours: OpenAPIDocument(yaml: ours)
        ).map(\.key)
    }

    private static func schemaDifferences(_ reference: String, _ ours: String, components: String = "{}") throws -> [String] {
        try differences(
            spec(base: "/kafka/v3", schema: reference, components: components),
            spec(schema: ours, components: components))
    }

    @Test func missingPropertyIsReportedBothWays() throws {
        let found = try Self.schemaDifferences(
            "{type: object, properties: {name: {type: string}, partitions_count: {type: integer}}}",
            "{type: object, properties: {name: {type: string}, replication_factor: {type: integer}}}")
        #expect(found == [
            "GET /topics › 200 application/json › partitions_count: missing in ours",
            "GET /topics › 200 application/json › replication_factor: missing in reference",
        ])
    }

    @Test func typeChangeInsideArrayItems() throws {
        let found = try Self.schemaDifferences(
            "{type: object, properties: {data: {type: array, items: {type: object, properties: {partitions_count: {type: integer, format: int32}}}}}}",
            "{type: object, properties: {data: {type: array, items: {type: object, properties: {partitions_count: {type: integer, format: int64}}}}}}")
        #expect(found == [
            "GET /topics › 200 application/json › data[] › partitions_count: type integer/int32 in reference, integer/int64 in ours",
        ])
    }

    @Test func requiredAndNullableChanges() throws {
        let found = try Self.schemaDifferences(
            "{type: object, required: [name], properties: {name: {type: string}, host: {type: string, nullable: true}}}",
            "{type: object, required: [host], properties: {name: {type: string}, host: {type: string}}}")
        #expect(found == [
            "GET /topics › 200 application/json › host: optional in reference, required in ours",
            "GET /topics › 200 application/json › host: nullable in reference, not nullable in ours",
            "GET /topics › 200 application/json › name: required in reference, optional in ours",
        ])
    }

    @Test func enumValuesAddedRemovedOrDropped() throws {
        let found = try Self.schemaDifferences(
            "{type: object, properties: {state: {type: string, enum: [STABLE, EMPTY]}, kind: {type: string, x-extensible-enum: [A]}}}",
            "{type: object, properties: {state: {type: string, enum: [STABLE, DEAD]}, kind: {type: string}}}")
        #expect(found == [
            "GET /topics › 200 application/json › kind: x-extensible-enum [A] in reference, none in ours",
            "GET /topics › 200 application/json › state: enum value EMPTY missing in ours",
            "GET /topics › 200 application/json › state: enum value DEAD missing in reference",
        ])
    }

    @Test func allOfIsFlattenedBeforeComparing() throws {
        let components = """
            {schemas: {Resource: {type: object, required: [kind], properties: {kind: {type: string}}}, \
            TopicData: {allOf: [{$ref: '#/components/schemas/Resource'}, {type: object, required: [topic_name], properties: {topic_name: {type: string}}}]}}}
            """
        let flat = "{type: object, required: [kind, topic_name], properties: {kind: {type: string}, topic_name: {type: string}}}"
        #expect(try Self.schemaDifferences("{$ref: '#/components/schemas/TopicData'}", flat, components: components).isEmpty)
        let optionalName = "{type: object, required: [kind], properties: {kind: {type: string}, topic_name: {type: string}}}"
        #expect(try Self.schemaDifferences("{$ref: '#/components/schemas/TopicData'}", optionalName, components: components) == [
            "GET /topics › 200 application/json › topic_name: required in reference, optional in ours",
        ])
    }

    @Test func nullableBesideRefMakesTheReferencedSchemaNullable() throws {
        let components = "{schemas: {LinkError: {type: string, enum: [NO_ERROR, AUTH_FAILED]}}}"
        let reference = "{type: object, properties: {link_error: {$ref: '#/components/schemas/LinkError', nullable: true}}}"
        let oursAllOf = "{type: object, properties: {link_error: {allOf: [{$ref: '#/components/schemas/LinkError'}], nullable: true}}}"
        let oursPlain = "{type: object, properties: {link_error: {$ref: '#/components/schemas/LinkError'}}}"
        #expect(try Self.schemaDifferences(reference, oursAllOf, components: components).isEmpty)
        #expect(try Self.schemaDifferences(reference, oursPlain, components: components) == [
            "GET /topics › 200 application/json › link_error: nullable in reference, not nullable in ours",
        ])
    }

    @Test func additionalPropertiesAreWalked() throws {
        let found = try Self.schemaDifferences(
            "{type: object, properties: {replicas: {type: object, additionalProperties: {type: array, items: {type: integer}}}}}",
            "{type: object, properties: {replicas: {type: object, additionalProperties: {type: array, items: {type: string}}}}}")
        #expect(found == ["GET /topics › 200 application/json › replicas{}[]: type integer in reference, string in ours"])
    }

    @Test func recursiveSchemasTerminate() throws {
        let components = "{schemas: {Node: {type: object, properties: {name: {type: string}, children: {type: array, items: {$ref: '#/components/schemas/Node'}}}}}}"
        let found = try Self.schemaDifferences(
            "{$ref: '#/components/schemas/Node'}", "{$ref: '#/components/schemas/Node'}", components: components)
        #expect(found.isEmpty)
    }

    @Test func referencedParametersBodiesAndResponsesAreResolved() throws {
        let reference = """
            openapi: 3.0.0
            paths:
              /kafka/v3/clusters/{cluster_id}/acls:
                parameters:
                  - $ref: '#/components/parameters/ClusterId'
                post:
                  parameters:
                    - {name: validate_only, in: query, schema: {type: boolean}}
                  requestBody:
                    $ref: '#/components/requestBodies/CreateAcl'
                  responses:
                    "201": {description: Created}
                    "429": {$ref: '#/components/responses/TooMany'}
                    5XX: {$ref: '#/components/responses/ServerError'}
            components:
              parameters:
                ClusterId: {name: cluster_id, in: path, required: true, schema: {type: string}}
              requestBodies:
                CreateAcl:
                  required: true
                  content:
                    application/json:
                      schema: {type: object, required: [principal], properties: {principal: {type: string}}}
              responses:
                TooMany: {description: x, content: {text/html: {schema: {type: string}}}}
                ServerError: {description: x, content: {application/json: {schema: {type: object}}}}
            """
        let ours = """
            openapi: 3.0.0
            paths:
              /clusters/{cluster_id}/acls:
                post:
                  parameters:
                    - {name: cluster_id, in: path, required: true, schema: {type: string}}
                    - {name: validate_only, in: query, schema: {type: string}}
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {principal: {type: string}}}
                  responses:
                    "201": {description: Created}
                    "429": {description: x, content: {text/html: {schema: {type: string}}}}
                    "500": {description: x}
            """
        #expect(try Self.differences(reference, ours) == [
            "POST /clusters/{cluster_id}/acls › query parameter validate_only: type boolean in reference, string in ours",
            "POST /clusters/{cluster_id}/acls › request: required in reference, optional in ours",
            "POST /clusters/{cluster_id}/acls › request application/json › principal: required in reference, optional in ours",
            "POST /clusters/{cluster_id}/acls › 500: missing in reference",
            "POST /clusters/{cluster_id}/acls › 5XX: missing in ours",
        ])
        let referenceDocument = try OpenAPIDocument(yaml: reference)
        #expect(try SpecComparison.differences(
            reference: referenceDocument, referenceBasePath: "/kafka/v3",
            ours: referenceDocument, ourBasePath: "/kafka/v3").isEmpty)
    }

    @Test func missingOperationIsReported() throws {
        let reference = Self.spec(base: "/internal/kafka/v3", schema: "{type: string}")
        let ours = Self.spec(schema: "{type: string}").replacingOccurrences(of: "/topics:", with: "/brokers:")
        #expect(try Self.differences(reference, ours) == ["GET /topics: missing in ours"])
    }

    @Test func exceptionGlobsMatchDifferenceKeys() throws {
        let key = "GET /clusters/{cluster_id}/topics › 200 application/json › data[] › partitions_count: type integer/int32 in reference, integer/int64 in ours"
        #expect(ConformanceExceptions.glob(key, matches: key))
        #expect(ConformanceExceptions.glob("GET /clusters/*/topics › * › data[] › *: type *", matches: key))
        #expect(ConformanceExceptions.glob("*in ours", matches: key))
        #expect(!ConformanceExceptions.glob("*in reference", matches: key))
        #expect(!ConformanceExceptions.glob("GET /clusters/{cluster_id}/topics", matches: key))
        #expect(ConformanceExceptions.glob("a*b*c", matches: "abbbc"))
        #expect(!ConformanceExceptions.glob("a*b*c", matches: "acb"))

        let exceptions = try ConformanceExceptions(yaml: """
            - reference: cloud.yaml
              match: "GET /topics › *: missing in ours"
              reason: Only the Cloud file lists this.
            """)
        let difference = Difference(location: "GET /topics › 404", message: "missing in ours")
        #expect(exceptions.problems.isEmpty)
        #expect(exceptions.unmatched([difference], in: "cloud.yaml").isEmpty)
        #expect(exceptions.unmatched([difference], in: "proxy.yaml") == [difference])
    }

    @Test func staleAndMalformedExceptionsAreFound() throws {
        let exceptions = try ConformanceExceptions(yaml: """
            # header comment
            - reference: "*"
              match: "GET /topics › 404: missing in ours"
              reason: Accepted.
            - reference: "*"
              match: "GET /brokers*"
              reason: Matches nothing.
            - reference: cloud.yaml
              match: "GET /topics*"
              reason: "  "
              reasn: typo
            """)
        let differences = ["cloud.yaml": [Difference(location: "GET /topics › 404", message: "missing in ours")]]
        #expect(exceptions.stale(differences).map(\.number) == [2])
        #expect(exceptions.problems == [
            "entry #3 has unknown key reasn",
            "entry #3 (match: GET /topics*) has an empty reason",
        ])
        #expect(try ConformanceExceptions(yaml: "# only a comment\n[]\n").entries.isEmpty)
        #expect(try ConformanceExceptions(yaml: "# only a comment\n").entries.isEmpty)
    }

    @Test func proseLinesAreNormalised() {
        let line = "  description: 'The number of partitions this topic has, as an integer.'  "
        #expect(ProseLines.candidates(in: line).map(\.text) == [
            "description: 'The number of partitions this topic has, as an integer.'",
        ])
        #expect(ProseLines.candidates(in: "  \"A sentence long enough to count as prose for this test.\"").map(\.text) == [
            "A sentence long enough to count as prose for this test.",
        ])
        #expect(ProseLines.candidates(in: "- https://example.com/a/very/long/link that is longer than fifty").isEmpty)
        #expect(ProseLines.candidates(in: "    url: 'https://pkc-00000.region.provider.confluent.cloud/kafka/v3'").isEmpty)
        #expect(ProseLines.candidates(in: "      operationId: updateKafkaMirrorTopicsReverseAndPauseMirror").isEmpty)
    }

    /// Sanity: each reference file compared with itself has no differences.
    @Test func eachReferenceComparedWithItselfHasNoDifferences() throws {
        guard let references = try LoadedSpecs.referencesOrSkip() else { return }
        for reference in references {
            let found = try SpecComparison.differences(
                reference: reference.document, referenceBasePath: reference.basePath,
                ours: reference.document, ourBasePath: reference.basePath)
            #expect(found.isEmpty, "\(reference.name): \(found.prefix(5).map(\.key))")
        }
    }
}
