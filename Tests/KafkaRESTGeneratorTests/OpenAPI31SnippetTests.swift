import Foundation
import Testing
@testable import KafkaRESTGenerator

/// The OpenAPI 3.1 forms, read from Tests/Fixtures/openapi31.yaml (one schema per rule) and from
/// small documents; each test compares a whole generated declaration.
@Suite("OpenAPI 3.1 documents")
struct OpenAPI31SnippetTests {
    /// Type lists with `'null'` × required, a string and an integer `const`, a `$ref` whose
    /// sibling `description` documents the property, `oneOf: [$ref, {type: 'null'}]`, a `$ref`
    /// beside a `type` listing `'null'`, several types, and the 3.0 `nullable` read leniently.
    @Test func propertiesOfPet() throws {
        let rendered = try GeneratorFixtures.generate(fixture: "openapi31.yaml")
        #expect(rendered.declaration("Models/Pet.swift") == """
            /// Type lists with 'null' × required, const, and $ref with siblings.
            public struct Pet: Codable, Sendable, Hashable {
                /// A string const is a closed enum of one case.
                public var kind: PetKind
                public var name: String
                /// Required and nullable.
                public var nickname: String?
                /// Optional and nullable, with 3.1 exclusive bounds.
                public var age: Nullable<Int32>?
                /// A const of another kind is its type.
                public var schemaVersion: Int?
                /// Beside the reference, kept for the documentation.
                public var tag: Tag?
                /// oneOf of a reference and null is the reference, nullable.
                public var owner: Nullable<Owner>?
                /// A type beside the reference that lists null makes it nullable.
                public var previousOwner: Nullable<Owner>?
                /// Several types are the alternatives of a oneOf.
                public var size: PetSize?
                public var legacy: Nullable<String>?

                /// Creates a value from its properties.
                public init(
                    kind: PetKind,
                    name: String,
                    nickname: String?,
                    age: Nullable<Int32>? = nil,
                    schemaVersion: Int? = nil,
                    tag: Tag? = nil,
                    owner: Nullable<Owner>? = nil,
                    previousOwner: Nullable<Owner>? = nil,
                    size: PetSize? = nil,
                    legacy: Nullable<String>? = nil
                ) {
                    self.kind = kind
                    self.name = name
                    self.nickname = nickname
                    self.age = age
                    self.schemaVersion = schemaVersion
                    self.tag = tag
                    self.owner = owner
                    self.previousOwner = previousOwner
                    self.size = size
                    self.legacy = legacy
                }

                enum CodingKeys: String, CodingKey {
                    case kind
                    case name
                    case nickname
                    case age
                    case schemaVersion = "schema_version"
                    case tag
                    case owner
                    case previousOwner = "previous_owner"
                    case size
                    case legacy
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    self.kind = try container.decode(PetKind.self, forKey: .kind)
                    self.name = try container.decode(String.self, forKey: .name)
                    self.nickname = try container.decodeNullable(String.self, forKey: .nickname)
                    self.age = try container.decodeNullableIfPresent(Int32.self, forKey: .age)
                    self.schemaVersion = try container.decodeIfPresent(Int.self, forKey: .schemaVersion)
                    self.tag = try container.decodeIfPresent(Tag.self, forKey: .tag)
                    self.owner = try container.decodeNullableIfPresent(Owner.self, forKey: .owner)
                    self.previousOwner = try container.decodeNullableIfPresent(Owner.self, forKey: .previousOwner)
                    self.size = try container.decodeIfPresent(PetSize.self, forKey: .size)
                    self.legacy = try container.decodeNullableIfPresent(String.self, forKey: .legacy)
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.encode(kind, forKey: .kind)
                    try container.encode(name, forKey: .name)
                    try container.encodeNullable(nickname, forKey: .nickname)
                    try container.encodeNullableIfPresent(age, forKey: .age)
                    try container.encodeIfPresent(schemaVersion, forKey: .schemaVersion)
                    try container.encodeIfPresent(tag, forKey: .tag)
                    try container.encodeNullableIfPresent(owner, forKey: .owner)
                    try container.encodeNullableIfPresent(previousOwner, forKey: .previousOwner)
                    try container.encodeIfPresent(size, forKey: .size)
                    try container.encodeNullableIfPresent(legacy, forKey: .legacy)
                }
            }

            """)
    }

    @Test func stringConstIsAClosedEnumOfOneCase() throws {
        let rendered = try GeneratorFixtures.generate(fixture: "openapi31.yaml")
        #expect(rendered.declaration("Models/PetKind.swift") == """
            /// A string const is a closed enum of one case.
            public enum PetKind: String, ClosedEnum {
                case pet = "pet"
            }

            """)
    }

    @Test func severalTypesAreTheAlternativesOfAOneOf() throws {
        let rendered = try GeneratorFixtures.generate(fixture: "openapi31.yaml")
        #expect(rendered.declaration("Models/PetSize.swift") == """
            /// Several types are the alternatives of a oneOf.
            ///
            /// One of several schemas (`oneOf`): decoding tries the cases in the order they are declared here
            /// and keeps the first that decodes.
            /// Encoding writes the case's value.
            public enum PetSize: Codable, Sendable, Hashable {
                /// The alternative of type `Int`.
                case integer(Int)
                /// The alternative of type `String`.
                case string(String)

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.singleValueContainer()
                    if let value = try? container.decode(Int.self) {
                        self = .integer(value)
                        return
                    }
                    if let value = try? container.decode(String.self) {
                        self = .string(value)
                        return
                    }
                    throw DecodingError.dataCorruptedError(in: container, debugDescription: "the value is none of the alternatives of PetSize")
                }

                public func encode(to encoder: any Encoder) throws {
                    switch self {
                    case let .integer(value):
                        try value.encode(to: encoder)
                    case let .string(value):
                        try value.encode(to: encoder)
                    }
                }
            }

            """)
    }

    /// `'null'` among several types makes the schema nullable (its users are optional) rather than
    /// adding a `null` case, as `nullable: true` beside a 3.0 `oneOf` does.
    @Test func severalTypesWithNullKeepTheFormatOfEachType() throws {
        let rendered = try GeneratorFixtures.generate(fixture: "openapi31.yaml")
        #expect(rendered.declaration("Models/IDOrName.swift") == """
            /// Several types, one of them null.
            ///
            /// One of several schemas (`oneOf`): decoding tries the cases in the order they are declared here
            /// and keeps the first that decodes.
            /// Encoding writes the case's value.
            public enum IDOrName: Codable, Sendable, Hashable {
                /// The alternative of type `Int64`.
                case integer(Int64)
                /// The alternative of type `String`.
                case string(String)

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.singleValueContainer()
                    if let value = try? container.decode(Int64.self) {
                        self = .integer(value)
                        return
                    }
                    if let value = try? container.decode(String.self) {
                        self = .string(value)
                        return
                    }
                    throw DecodingError.dataCorruptedError(in: container, debugDescription: "the value is none of the alternatives of IDOrName")
                }

                public func encode(to encoder: any Encoder) throws {
                    switch self {
                    case let .integer(value):
                        try value.encode(to: encoder)
                    case let .string(value):
                        try value.encode(to: encoder)
                    }
                }
            }

            """)
    }

    @Test func enumListingNullIsTheOtherValuesNullable() throws {
        let rendered = try GeneratorFixtures.generate(fixture: "openapi31.yaml")
        #expect(rendered.declaration("Models/Color.swift") == """
            /// An enum that lists null.
            public enum Color: String, ClosedEnum {
                case red = "red"
                case green = "green"
            }

            """)
        let table = rendered.lines("SchemaTable.swift")
        #expect(table.contains(#""Color":{"enum":["red","green"],"nullable":true,"type":"string"},"#))
    }

    @Test func nullAloneIsAnyJSONValue() throws {
        let rendered = try GeneratorFixtures.generate(fixture: "openapi31.yaml")
        #expect(rendered.declaration("Models/Nothing.swift") == """
            /// Only null.
            public typealias Nothing = JSONValue

            """)
    }

    @Test func componentWithExamplesIsItsType() throws {
        let rendered = try GeneratorFixtures.generate(fixture: "openapi31.yaml")
        #expect(rendered.declaration("Models/Tag.swift") == """
            /// A label.
            public typealias Tag = String

            """)
    }

    @Test func prefixItemsAndDefsAreIgnored() throws {
        let rendered = try GeneratorFixtures.generate(fixture: "openapi31.yaml")
        #expect(rendered.declaration("Models/Point.swift") == """
            public typealias Point = [Double]

            """)
    }

    @Test func skippedPartsAreWarnings() throws {
        let rendered = try GeneratorFixtures.generate(fixture: "openapi31.yaml")
        #expect(rendered.diagnostics.warnings.map { "\($0.location.pointer): \($0.message)" } == [
            "/webhooks: 1 webhook not generated: a webhook is a request the API sends, not an operation a client calls",
            "/components/schemas/Pet/properties/legacy/nullable: 'nullable' is not an OpenAPI 3.1 keyword (3.1 writes type: [T, 'null']); read as in 3.0",
            "/components/schemas/Point/prefixItems: 'prefixItems' is not read (the generator reads the OpenAPI 3.0 subset of JSON Schema); ignored",
        ])
        #expect(rendered.operations == 1)
        #expect(rendered.files.keys.filter { $0.contains("Unused") } == [], "a $defs entry no $ref names makes no type")
    }

    @Test func schemaExamplesAreCollectedWithExample() throws {
        let path = GeneratorFixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/openapi31.yaml").path
        let examples = try SpecExamples.collect(specPath: path).examples
        #expect(examples.map { "\($0.schemaName) \(String(decoding: $0.json, as: UTF8.self))" } == [
            #"Pet {"kind":"pet","name":"Rex","nickname":null}"#,
            #"Pet {"age":3,"kind":"pet","name":"Tom","nickname":"Tommy"}"#,
            #"Tag "friendly""#,
        ])
    }

    /// Like a plain `$ref`, a `$ref` with a sibling `description` is nullable and deprecated when the
    /// schema it names is.
    @Test func annotatedReferenceKeepsTheNullabilityOfItsTarget() throws {
        let rendered = try GeneratorFixtures.generate(openapi: "3.1.0", components: """
            schemas:
              MaybeName:
                type: [string, 'null']
                deprecated: true
              Holder:
                type: object
                required: [name]
                properties:
                  name:
                    description: Documented beside the reference.
                    $ref: '#/components/schemas/MaybeName'
            """)
        #expect(rendered.declaration("Models/Holder.swift") == """
            public struct Holder: Codable, Sendable, Hashable {
                /// Documented beside the reference.
                ///
                /// - Note: Deprecated in the API.
                public var name: MaybeName?

                /// Creates a value from its properties.
                public init(name: MaybeName?) {
                    self.name = name
                }

                enum CodingKeys: String, CodingKey {
                    case name
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
                    self.name = try container.decodeNullable(MaybeName.self, forKey: .name)
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.encodeNullable(name, forKey: .name)
                }
            }

            """)
    }

    @Test func exclusiveBoundsAreNumbers() throws {
        let schema = try Self.schema("""
            type: number
            minimum: 5
            exclusiveMinimum: 1
            maximum: 10
            exclusiveMaximum: 10
            """)
        #expect(schema.minimum == 5 && !schema.exclusiveMinimum)
        #expect(schema.maximum == 10 && schema.exclusiveMaximum)
    }

    @Test func booleanExclusiveBoundIsReadAsIn30WithAWarning() throws {
        var diagnostics = Diagnostics()
        let schema = try Self.schema("{type: integer, minimum: 1, exclusiveMinimum: true}", &diagnostics)
        #expect(schema.minimum == 1 && schema.exclusiveMinimum)
        #expect(diagnostics.warnings.map(\.message) == ["in OpenAPI 3.1 'exclusiveMinimum' is a number; the 3.0 form (true or false) is read as in 3.0"])
    }

    @Test func base64ContentEncodingIsByteFormat() throws {
        let schema = try Self.schema("{type: string, contentEncoding: base64}")
        #expect(schema.format == "byte")
    }

    @Test func referenceSiblingsThatChangeTheTypeAreReported() throws {
        var diagnostics = Diagnostics()
        let schema = try Self.schema("{$ref: '#/components/schemas/Tag', description: A tag., maxLength: 3}", &diagnostics)
        #expect(schema.description == "A tag." && schema.annotatesReference && schema.allOf.count == 1)
        #expect(diagnostics.warnings.map(\.message) == ["'maxLength' beside '$ref' ignored: the reference gives the type"])
    }

    @Test func versionDecidesTheReading() throws {
        var diagnostics = Diagnostics()
        let later = try DocumentLoader().load(text: "{openapi: 3.2.0, info: {title: T, version: '1'}}", file: "t.yaml", diagnostics: &diagnostics)
        #expect(later.specVersion == .v3_1 && later.paths.isEmpty)
        let older = try DocumentLoader().load(text: "{openapi: 3.0.3, info: {title: T, version: '1'}, paths: {}}", file: "t.yaml", diagnostics: &diagnostics)
        #expect(older.specVersion == .v3_0)
        #expect(diagnostics.warnings.map(\.message) == ["openapi 3.2.0 is read as 3.1"])
    }

    /// A 3.0 document keeps its reading: a type list is not a type, and the siblings of a `$ref`
    /// (but `nullable`) are ignored.
    @Test func openAPI30DocumentIsReadAsBefore() throws {
        let rendered = try GeneratorFixtures.generate(components: """
            schemas:
              Tag: {type: string}
              Holder:
                type: object
                properties:
                  tag:
                    description: Not read in 3.0.
                    $ref: '#/components/schemas/Tag'
                  names:
                    type: [string, 'null']
            """)
        #expect(rendered.declaration("Models/Holder.swift") == """
            public struct Holder: Codable, Sendable, Hashable {
                public var tag: Tag?
                public var names: JSONValue?

                /// Creates a value from its properties.
                public init(tag: Tag? = nil, names: JSONValue? = nil) {
                    self.tag = tag
                    self.names = names
                }

                enum CodingKeys: String, CodingKey {
                    case tag
                    case names
                }
            }

            """)
        #expect(rendered.diagnostics.warnings.map(\.message) == ["'type' should be a string; ignored"])
    }

    /// The schema `yaml` as a 3.1 document's component `S` reads it (beside a component `Tag`).
    private static func schema(_ yaml: String) throws -> Schema {
        var diagnostics = Diagnostics()
        return try schema(yaml, &diagnostics)
    }

    private static func schema(_ yaml: String, _ diagnostics: inout Diagnostics) throws -> Schema {
        let indented = yaml.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n")
        let text = """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            components:
              schemas:
                Tag: {type: string}
                S:
            \(indented)
            """
        let document = try DocumentLoader().load(text: text, file: "t.yaml", diagnostics: &diagnostics)
        let ref = try #require(document.components.schemas.first { $0.name == "S" }?.schema)
        guard case let .value(schema) = ref else { throw SchemaWasAReference() }
        return schema
    }

    private struct SchemaWasAReference: Error {}
}
