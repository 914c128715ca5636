/// Reading an OpenAPI 3.1 document: its JSON Schema 2020-12 forms are translated into the 3.0
/// model the later stages read, so they need not know the version.
///
/// | 3.1 form | read as |
/// |---|---|
/// | `type: [T, 'null']` | `type: T`, `nullable: true` |
/// | `type: [T, U, …]` (with or without `'null'`) | `oneOf` of one schema per type (each keeping the keywords of its type), `nullable` when `'null'` is listed |
/// | `type: 'null'` | the `null` type, nullable |
/// | `oneOf` / `anyOf` of one schema and `{type: 'null'}` | that schema, nullable (a `$ref` as `allOf: [$ref]`, see ``Schema/annotatesReference``) |
/// | `enum` listing `null` | the other values, nullable |
/// | `const: "text"` | `enum: ["text"]`: a closed enum of one case (`type: string` when no type is given) |
/// | `const` of another kind | its type (`integer`, `number`, `boolean`, `null`, `object`, `array`) when no type is given; the value is not checked |
/// | `examples: [a, b]` | the schema's examples, after `example` |
/// | `exclusiveMinimum: n` / `exclusiveMaximum: n` | `minimum` / `maximum: n` and the 3.0 flag, unless `minimum` / `maximum` is tighter |
/// | `contentEncoding: base64` on a string | `format: byte` |
/// | `$ref` beside other keywords | `allOf: [$ref]` with `description`, `title`, `deprecated`, `readOnly`, `writeOnly`, examples, and `nullable` when a sibling `type` lists `'null'`; the reference gives the type, other siblings are reported and ignored |
/// | `nullable: true` (a 3.0 keyword) | read as in 3.0, with a warning |
/// | `$defs` | read where a `$ref` points into it (see ``FollowedReferences``) |
/// | `prefixItems` and the other JSON Schema keywords 3.0 lacks | reported and ignored |
/// | `webhooks`, `jsonSchemaDialect` (other than OpenAPI's), `components/pathItems` | reported and ignored |
/// | no `paths` | a document without operations |
extension NodeReader {
    /// The dialect OpenAPI 3.1 schemas use unless `jsonSchemaDialect` says otherwise.
    static let openAPI31Dialect = "https://spec.openapis.org/oas/3.1/dialect/base"

    /// JSON Schema keywords OpenAPI 3.0 does not have and the model cannot express.
    private static let unreadKeywords = [
        "prefixItems", "contains", "patternProperties", "propertyNames", "dependentSchemas",
        "dependentRequired", "unevaluatedProperties", "unevaluatedItems", "if", "then", "else", "$dynamicRef",
    ]

    /// Keywords beside a `$ref` that annotate it, read (or, for `$comment`, `summary` and
    /// `default`, accepted) without a warning.
    private static let referenceAnnotations: Set<String> = [
        "$ref", "$comment", "summary", "default", "description", "title", "deprecated", "readOnly", "writeOnly",
        "example", "examples", "nullable", "type",
    ]

    /// Reports the top-level parts of a 3.1 document that are not generated.
    mutating func reportSkippedOpenAPI31Parts(of document: SpecNode) {
        if let webhooks = document["webhooks"] {
            let count = webhooks.pairs?.count ?? 0
            diagnostics.warn("\(count) webhook\(count == 1 ? "" : "s") not generated: a webhook is a request the API sends, not an operation a client calls", at: webhooks.location)
        }
        if let dialect = document.string("jsonSchemaDialect", &diagnostics), dialect != Self.openAPI31Dialect {
            diagnostics.warn("jsonSchemaDialect '\(DocumentationText.inline(dialect))' is not read; schemas are read as OpenAPI 3.1 schemas", at: document["jsonSchemaDialect"]!.location)
        }
        if let pathItems = document["components"]?["pathItems"] {
            diagnostics.warn("components/pathItems are not read; ignored", at: pathItems.location)
        }
    }

    /// Reads the keywords whose 3.1 form differs from 3.0 (`type`, `nullable`, `enum` with
    /// `null`, `const`, `examples`, exclusive bounds, `contentEncoding`), reports the JSON Schema
    /// keywords the model cannot express, and rewrites nullable alternatives and type lists.
    mutating func readOpenAPI31Keywords(of node: SpecNode, into schema: inout Schema) {
        if node["nullable"] != nil {
            diagnostics.warn("'nullable' is not an OpenAPI 3.1 keyword (3.1 writes type: [T, 'null']); read as in 3.0", at: node["nullable"]!.location)
            schema.nullable = node.bool("nullable", default: false, &diagnostics)
        }
        var types = typeNames(of: node)
        if let enumNode = node["enum"], let items = enumNode.items, items.contains(where: { $0.json == .null }) {
            schema.nullable = true
            schema.enumValues = items.filter { $0.json != .null }.compactMap(\.scalar)
        }
        if let constNode = node["const"] {
            let type = constType(constNode.json)
            if case let .string(text) = constNode.json { schema.enumValues = [text] }
            if type == "null" { schema.nullable = true }
            if types.isEmpty { types = [(type, constNode.location)] }
        }
        if let examples = node["examples"] {
            if let items = examples.items {
                schema.examples += items.map { ExampleValue(json: $0.json, location: $0.location) }
            } else {
                diagnostics.warn("'examples' of a schema should be a list; ignored", at: examples.location)
            }
        }
        exclusiveBound("exclusiveMinimum", of: node, bound: &schema.minimum, exclusive: &schema.exclusiveMinimum, isTighter: >=)
        exclusiveBound("exclusiveMaximum", of: node, bound: &schema.maximum, exclusive: &schema.exclusiveMaximum, isTighter: <=)
        if schema.format == nil, node.string("contentEncoding", &diagnostics) == "base64" {
            schema.format = "byte"
        }
        for keyword in Self.unreadKeywords {
            if let child = node[keyword] {
                diagnostics.warn("'\(keyword)' is not read (the generator reads the OpenAPI 3.0 subset of JSON Schema); ignored", at: child.location)
            }
        }
        if types.contains(where: { $0.name == "null" }) { schema.nullable = true }
        let valueTypes = types.filter { $0.name != "null" }
        switch valueTypes.count {
        case 0:
            if !types.isEmpty { schema.type = "null" }
        case 1:
            schema.type = valueTypes[0].name
        default:
            if schema.oneOf.isEmpty && schema.anyOf.isEmpty {
                schema = alternatives(of: schema, types: valueTypes)
            } else {
                diagnostics.warn("'type' lists several types beside oneOf/anyOf; the list is ignored", at: node["type"]!.location)
            }
        }
        collapseNullAlternative(&schema)
    }

    /// A schema `$ref`, keeping its sibling keywords as OpenAPI 3.1 does: the reference gives the
    /// type; `description`, `title`, `deprecated`, `readOnly`, `writeOnly`, examples and a `type`
    /// listing `'null'` (or a lenient `nullable: true`) annotate it as `allOf: [$ref]`. Without
    /// any of those it stays a plain reference.
    mutating func schemaReference(_ node: SpecNode, ref text: String, location: SourceLocation) -> Ref<Schema> {
        var wrapper = Schema(location: node.location)
        wrapper.description = node.string("description", &diagnostics)
        wrapper.title = node.string("title", &diagnostics)
        wrapper.deprecated = node.bool("deprecated", default: false, &diagnostics)
        wrapper.readOnly = node.bool("readOnly", default: false, &diagnostics)
        wrapper.writeOnly = node.bool("writeOnly", default: false, &diagnostics)
        if let example = node["example"] {
            wrapper.examples = [ExampleValue(json: example.json, location: example.location)]
        }
        if let examples = node["examples"]?.items {
            wrapper.examples += examples.map { ExampleValue(json: $0.json, location: $0.location) }
        }
        if node["nullable"] != nil {
            diagnostics.warn("'nullable' is not an OpenAPI 3.1 keyword (3.1 writes oneOf: [$ref, {type: 'null'}]); read as in 3.0", at: node["nullable"]!.location)
            wrapper.nullable = node.bool("nullable", default: false, &diagnostics)
        }
        if typeNames(of: node).contains(where: { $0.name == "null" }) { wrapper.nullable = true }
        let ignored = (node.pairs ?? []).map(\.key).filter { !Self.referenceAnnotations.contains($0) && !$0.hasPrefix("x-") }
        if !ignored.isEmpty {
            let list = ignored.map { "'\(DocumentationText.inline($0))'" }.joined(separator: ", ")
            diagnostics.warn("\(list) beside '$ref' ignored: the reference gives the type", at: node.location)
        }
        let annotates = wrapper.description != nil || wrapper.title != nil || wrapper.deprecated || wrapper.readOnly
            || wrapper.writeOnly || !wrapper.examples.isEmpty || wrapper.nullable
        guard annotates else { return .reference(text, location) }
        wrapper.allOf = [.reference(text, location)]
        wrapper.annotatesReference = true
        return .value(wrapper)
    }

    /// The names in `type` (a string or a list of strings), each once, with where it is written.
    private mutating func typeNames(of node: SpecNode) -> [(name: String, location: SourceLocation)] {
        guard let child = node["type"] else { return [] }
        if let name = child.scalar { return [(name, child.location)] }
        guard let items = child.items else {
            diagnostics.warn("'type' should be a string or a list of strings; ignored", at: child.location)
            return []
        }
        var seen: Set<String> = []
        return items.compactMap { item in
            guard let name = item.scalar else {
                diagnostics.warn("'type' list item should be a string; skipped", at: item.location)
                return nil
            }
            return seen.insert(name).inserted ? (name, item.location) : nil
        }
    }

    /// The JSON type of a `const` value.
    private func constType(_ value: YAMLJSON) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// Reads a 3.1 exclusive bound (a number) into the 3.0 form: the bound and its flag, unless
    /// the inclusive bound already written is tighter. The 3.0 Boolean form is read too, with a warning.
    private mutating func exclusiveBound(_ key: String, of node: SpecNode, bound: inout Double?, exclusive: inout Bool, isTighter: (Double, Double) -> Bool) {
        guard let child = node[key] else { return }
        if let value = child.node.int.map(Double.init) ?? child.node.float {
            if let inclusive = bound, !isTighter(value, inclusive) { return }
            bound = value
            exclusive = true
        } else if let flag = child.node.bool {
            diagnostics.warn("in OpenAPI 3.1 '\(key)' is a number; the 3.0 form (true or false) is read as in 3.0", at: child.location)
            exclusive = flag
        } else {
            diagnostics.warn("'\(key)' should be a number; ignored", at: child.location)
        }
    }

    /// A schema of several types as a `oneOf` of one schema per type, each keeping the keywords
    /// that apply to its type; the annotations (`description`, `title`, `nullable`, `deprecated`,
    /// `readOnly`, `writeOnly`, examples) and `allOf` stay on the schema.
    private func alternatives(of schema: Schema, types: [(name: String, location: SourceLocation)]) -> Schema {
        var result = Schema(location: schema.location)
        result.title = schema.title
        result.description = schema.description
        result.nullable = schema.nullable
        result.deprecated = schema.deprecated
        result.readOnly = schema.readOnly
        result.writeOnly = schema.writeOnly
        result.examples = schema.examples
        result.allOf = schema.allOf
        result.oneOf = types.map { type in
            var alternative = Schema(location: type.location)
            alternative.type = type.name
            alternative.format = schema.format
            switch type.name {
            case "string":
                alternative.enumValues = schema.enumValues
                alternative.minLength = schema.minLength
                alternative.maxLength = schema.maxLength
                alternative.pattern = schema.pattern
            case "integer", "number":
                alternative.minimum = schema.minimum
                alternative.maximum = schema.maximum
                alternative.exclusiveMinimum = schema.exclusiveMinimum
                alternative.exclusiveMaximum = schema.exclusiveMaximum
            case "array":
                alternative.items = schema.items
                alternative.minItems = schema.minItems
                alternative.maxItems = schema.maxItems
            case "object":
                alternative.properties = schema.properties
                alternative.required = schema.required
                alternative.additionalProperties = schema.additionalProperties
            default:
                break
            }
            return .value(alternative)
        }
        return result
    }

    /// `oneOf` / `anyOf` of one schema and `{type: 'null'}` (no discriminator, properties or
    /// `allOf` beside it) becomes that schema, nullable: a reference as `allOf: [$ref]` that
    /// annotates it, an inline schema merged with the annotations around it.
    private func collapseNullAlternative(_ schema: inout Schema) {
        guard schema.allOf.isEmpty, schema.properties.isEmpty, schema.discriminator == nil else { return }
        let lists = [schema.oneOf, schema.anyOf].filter { !$0.isEmpty }
        guard lists.count == 1 else { return }
        let values = lists[0].filter { !isNullType($0) }
        guard values.count == 1, values.count < lists[0].count else { return }
        schema.oneOf = []
        schema.anyOf = []
        schema.nullable = true
        switch values[0] {
        case .reference:
            schema.allOf = values
            schema.annotatesReference = true
        case var .value(inner):
            inner.nullable = true
            inner.description = schema.description ?? inner.description
            inner.title = schema.title ?? inner.title
            inner.deprecated = schema.deprecated || inner.deprecated
            inner.readOnly = schema.readOnly || inner.readOnly
            inner.writeOnly = schema.writeOnly || inner.writeOnly
            inner.examples = schema.examples + inner.examples
            schema = inner
        }
    }

    /// Whether an alternative is `{type: 'null'}` and nothing else.
    private func isNullType(_ ref: Ref<Schema>) -> Bool {
        guard case let .value(schema) = ref else { return false }
        return schema.type == "null" && schema.properties.isEmpty && schema.allOf.isEmpty && schema.oneOf.isEmpty && schema.anyOf.isEmpty
    }
}
