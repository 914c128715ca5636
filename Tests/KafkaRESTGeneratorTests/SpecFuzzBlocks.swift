import Foundation

/// The spec of this repository cut into blocks the spec fuzzer recombines: its header, each path
/// item, and each component by kind, plus hand-written blocks that are wrong in the ways real
/// specs are (reference cycles, references to missing or wrong-kind components, `allOf` chains,
/// `nullable` and `x-extensible-enum` in odd places, operations without an `operationId`).
struct SpecFuzzBlocks: Sendable {
    /// `openapi`, `info`, `servers` and `tags`.
    let header: String
    /// Path items, each starting with its path at two spaces' indent.
    let paths: [String]
    /// Components by kind (`parameters`, `responses`, `schemas`, …), each at four spaces' indent.
    let components: [String: [String]]
    /// Every line of the spec, for inserting stray ones.
    let lines: [String]

    /// The blocks of spec/kafka-rest-v3.yaml.
    static func repository() throws -> SpecFuzzBlocks {
        let url = GeneratorFixtures.repositoryRoot.appendingPathComponent("spec/kafka-rest-v3.yaml")
        return SpecFuzzBlocks(text: try String(contentsOf: url, encoding: .utf8))
    }

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let pathsStart = lines.firstIndex(of: "paths:") ?? lines.count
        let componentsStart = lines.firstIndex(of: "components:") ?? lines.count
        header = lines[..<pathsStart].joined(separator: "\n") + "\n"
        paths = Self.blocks(lines[min(pathsStart + 1, lines.count)..<componentsStart], indent: 2)
        var components: [String: [String]] = [:]
        for section in Self.blocks(lines[min(componentsStart + 1, lines.count)...], indent: 2) {
            let sectionLines = section.split(separator: "\n", omittingEmptySubsequences: false)
            let kind = sectionLines[0].trimmingCharacters(in: .whitespaces).dropLast()
            components[String(kind)] = Self.blocks(sectionLines.dropFirst().map(String.init)[...], indent: 4)
        }
        self.components = components
    }

    /// Runs of lines that start at exactly `indent` spaces, each with the deeper lines after it.
    private static func blocks(_ lines: ArraySlice<String>, indent: Int) -> [String] {
        let prefix = String(repeating: " ", count: indent)
        var blocks: [[String]] = []
        for line in lines {
            if line.hasPrefix(prefix), line.dropFirst(indent).first.map({ $0 != " " }) ?? false {
                blocks.append([line])
            } else if !blocks.isEmpty {
                blocks[blocks.count - 1].append(line)
            }
        }
        return blocks.map { $0.joined(separator: "\n") + "\n" }
    }

    /// Schemas that are wrong or unusual, at four spaces' indent.
    static let oddSchemas = [
        "    Cycle1: {$ref: '#/components/schemas/Cycle2'}\n    Cycle2: {$ref: '#/components/schemas/Cycle1'}\n",
        "    SelfRef: {$ref: '#/components/schemas/SelfRef'}\n",
        "    AllOfSelf: {allOf: [{$ref: '#/components/schemas/AllOfSelf'}]}\n",
        "    AllOfA: {allOf: [{$ref: '#/components/schemas/AllOfB'}, {type: object, properties: {a: {type: string}}}]}\n"
            + "    AllOfB: {allOf: [{$ref: '#/components/schemas/AllOfC'}, {required: [b]}]}\n"
            + "    AllOfC: {allOf: [{$ref: '#/components/schemas/AllOfA'}], nullable: true}\n",
        "    Chain: {allOf: [{allOf: [{allOf: [{$ref: '#/components/schemas/Error'}, {type: object}]}]}, {properties: {extra: {type: integer}}}]}\n",
        "    Missing: {type: object, properties: {x: {$ref: '#/components/schemas/DoesNotExist'}}}\n",
        "    WrongKind: {type: object, properties: {x: {$ref: '#/components/parameters/ClusterId'}, y: {$ref: '#/components/responses/BadRequest'}}}\n",
        "    External: {$ref: 'other.yaml#/components/schemas/Foo'}\n",
        "    BadPointers: {type: object, properties: {a: {$ref: '#/components/schemas/'}, b: {$ref: '#'}, c: {$ref: ''}, d: {$ref: [1]}, e: {$ref: '#/components/schemas/a~1b'}}}\n",
        "    a/b: {type: string}\n    'a~b': {type: integer}\n",
        "    NullableRef: {$ref: '#/components/schemas/Missing', nullable: true, description: wrapped}\n",
        "    OddNullable: {type: string, nullable: [1]}\n",
        "    OddEnum: {type: integer, x-extensible-enum: {a: b}, enum: 7}\n",
        "    EnumOfOdd: {type: string, enum: [{a: 1}, [2], null, '', ' ', READ, read]}\n",
        "    ExtensibleInProperties: {type: object, properties: {x-extensible-enum: {type: string, x-extensible-enum: [A, A, '']}}, x-extensible-enum: [A]}\n",
        "    NullableEverywhere: {nullable: true, type: object, properties: {a: {nullable: true, allOf: [{nullable: true, $ref: '#/components/schemas/NullableEverywhere'}]}}}\n",
        "    ArrayNoItems: {type: array}\n    ItemsNotMapping: {type: array, items: [1, 2]}\n",
        "    MapOfSelf: {type: object, additionalProperties: {$ref: '#/components/schemas/MapOfSelf'}}\n",
        "    OneOfMix: {oneOf: [{type: string}, {$ref: '#/components/schemas/Cycle1'}], anyOf: 3, discriminator: 7}\n",
        "    RequiredNotList: {type: object, required: name, properties: {name: {type: string}}}\n",
        "    TypeList: {type: [string, 'null'], format: [x]}\n",
        "    Bounds: {type: number, minimum: abc, maximum: 1e999, minLength: -1, maxItems: 1.5, pattern: '['}\n",
        "    Anchored: &anchor {type: object, properties: {a: {type: string}}}\n    Aliased: *anchor\n",
        "    '': {type: string}\n    '123': {type: integer}\n    'type': {type: boolean}\n",
        "    Keywords: {type: object, properties: {self: {type: string}, Type: {type: string}, default: {type: integer}, '': {type: string}, 1x: {type: string}, init: {type: string}}}\n",
        "    NotAMapping: 42\n    NullSchema: null\n    ListSchema: [a, b]\n    TrueSchema: true\n",
    ]

    /// Path items that are wrong or unusual, at two spaces' indent.
    static let oddPaths = [
        "  /no-operation-id:\n    get:\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Cycle1'}}}}}\n",
        "  /wrong/{id}:\n    parameters: [{$ref: '#/components/schemas/ClusterData'}]\n    post:\n      operationId: wrongKinds\n"
            + "      requestBody: {$ref: '#/components/responses/BadRequest'}\n      responses: {default: {$ref: '#/components/requestBodies/Nope'}}\n",
        "  no-slash:\n    get: {operationId: noSlash, responses: {}}\n",
        "  /duplicate:\n    get: {operationId: listKafkaClusters, responses: {'200': {description: x}}}\n",
        "  /params/{a}/{b}:\n    get:\n      operationId: params\n      parameters: [{name: a, in: path, required: false}, {name: b, in: body}, {in: query}, "
            + "{name: c, in: query, schema: {$ref: '#/components/schemas/AllOfA'}}, {name: d, in: header, content: {text/plain: {schema: {type: array}}}}]\n"
            + "      responses: {'204': {description: none}}\n",
        "  /odd:\n    get: [1, 2]\n    put: null\n    post: {operationId: '', responses: [], deprecated: yes}\n"
            + "    delete: {operationId: 'weird name with spaces!', tags: 7, parameters: {a: 1}}\n",
        "  /bodies:\n    post:\n      operationId: oddBodies\n      requestBody: {content: {application/json: {schema: {type: object, nullable: true, x-extensible-enum: [A]}, examples: {a: {value: [1]}, b: {$ref: '#/components/examples/None'}}}, text/plain: 7}}\n"
            + "      responses: {'200': {description: ok, headers: {X-A: {schema: {$ref: '#/components/schemas/Missing'}}, X-B: 1}, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/SelfRef'}}}}}}\n",
        "  /{unbalanced:\n    get: {operationId: unbalanced, parameters: [{name: unbalanced, in: path}], responses: {'200': {description: x}}}\n",
    ]
}
