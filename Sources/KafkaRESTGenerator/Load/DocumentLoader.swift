import Foundation
import Yams

/// Stage 1: reads a YAML or JSON spec, and the files its `$ref`s name, through Yams' node tree
/// (libyaml) into the lenient ``OpenAPIDocument``. Structural problems become warnings with
/// file, line and JSON pointer; only an entry file that is unreadable YAML or has no `paths`
/// object is an error (a referenced file that cannot be read is a warning at the reference).
package struct DocumentLoader {
    /// Creates a loader.
    package init() {}

    /// Loads the spec at `path`.
    package func load(path: String, diagnostics: inout Diagnostics) throws -> OpenAPIDocument {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            diagnostics.error("cannot read the spec: \(error.localizedDescription)", at: SourceLocation(file: path, line: 0, column: 0, pointer: ""))
            throw GenerationFailed(diagnostics.all)
        }
        return try load(text: text, file: path, diagnostics: &diagnostics)
    }

    /// Loads a spec from text; `file` is used in diagnostics.
    package func load(text: String, file: String, diagnostics: inout Diagnostics) throws -> OpenAPIDocument {
        let source = SpecText(text, file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                diagnostics.error("the spec is empty", at: SourceLocation(file: file, line: 0, column: 0, pointer: ""))
                throw GenerationFailed(diagnostics.all)
            }
            root = node
        } catch let error as YamlError {
            diagnostics.error("not valid YAML: \(Self.describe(error))", at: Self.location(of: error, in: source))
            throw GenerationFailed(diagnostics.all)
        }
        let document = SpecNode(node: root, pointer: "", text: source)
        guard document.pairs != nil else {
            diagnostics.error("the spec must be a mapping at the top level", at: document.location)
            throw GenerationFailed(diagnostics.all)
        }
        let specVersion = Self.specVersion(of: document, &diagnostics)
        let pathPairs: [(key: String, value: SpecNode)]
        if let pairs = document["paths"]?.pairs {
            pathPairs = pairs
        } else if specVersion == .v3_1, document["paths"] == nil {
            pathPairs = []
        } else {
            diagnostics.error("the spec has no 'paths' mapping", at: document.location)
            throw GenerationFailed(diagnostics.all)
        }
        var reader = NodeReader(diagnostics: diagnostics, specVersion: specVersion, references: FollowedReferences(entry: document))
        if specVersion == .v3_1 {
            reader.reportSkippedOpenAPI31Parts(of: document)
        }
        let info = document["info"]
        let paths = pathPairs.compactMap { reader.pathItem(path: $0.key, node: $0.value) }
        var components = reader.components(document["components"])
        reader.readFollowedComponents(into: &components)
        let result = OpenAPIDocument(
            specVersion: specVersion,
            title: info?.string("title", &reader.diagnostics) ?? "API",
            version: info?.string("version", &reader.diagnostics) ?? "",
            description: info?.string("description", &reader.diagnostics),
            serverURLs: (document["servers"]?.items ?? []).compactMap { $0.string("url", &reader.diagnostics) },
            paths: paths,
            components: components,
            file: file
        )
        diagnostics = reader.diagnostics
        return result
    }

    /// The version in the `openapi` field: `3.0.x` (or none) is read as 3.0, `3.1.x` as 3.1; a
    /// later 3.x is read as 3.1 and anything else as 3.0, with a warning.
    private static func specVersion(of document: SpecNode, _ diagnostics: inout Diagnostics) -> SpecVersion {
        guard let version = document.string("openapi", &diagnostics), !version.hasPrefix("3.0") else { return .v3_0 }
        if version.hasPrefix("3.1") { return .v3_1 }
        let parts = version.split(separator: ".")
        if parts.count >= 2, parts[0] == "3", let minor = Int(parts[1]), minor > 1 {
            diagnostics.warn("openapi \(version) is read as 3.1", at: document["openapi"]!.location)
            return .v3_1
        }
        diagnostics.warn("openapi \(version) is read as 3.0", at: document["openapi"]!.location)
        return .v3_0
    }

    static func describe(_ error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _):
            return [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
        case let .composer(context, problem, _, _):
            return [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
        default:
            return "\(error)"
        }
    }

    static func location(of error: YamlError, in source: SpecText) -> SourceLocation {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return source.location(line: mark.line, column: mark.column, pointer: "")
        default:
            return SourceLocation(file: source.file, line: 0, column: 0, pointer: "")
        }
    }
}

/// Reads the parts of a document; holds the diagnostics while it does.
struct NodeReader {
    var diagnostics: Diagnostics
    /// How schemas are read: 3.1 forms are translated into the 3.0 model.
    let specVersion: SpecVersion
    /// The files read so far and the components their references became.
    var references: FollowedReferences

    private static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// Whether an upper-cased `responses` key is `DEFAULT`, three digits from `100` to `599`,
    /// or a range such as `2XX`: the only keys that become Swift code (a `case` pattern).
    static func isStatusKey(_ key: String) -> Bool {
        if key == "DEFAULT" { return true }
        let scalars = Array(key.unicodeScalars)
        guard scalars.count == 3, ("1"..."5").contains(scalars[0]) else { return false }
        let rest = String(String.UnicodeScalarView(scalars[1...]))
        return rest == "XX" || rest.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    mutating func pathItem(path: String, node written: SpecNode) -> PathItem? {
        guard let node = inline(written) else { return nil }
        guard let pairs = node.pairs else {
            diagnostics.warn("path item should be a mapping; skipped", at: node.location)
            return nil
        }
        if !path.hasPrefix("/") {
            diagnostics.warn("path '\(path)' does not start with '/'", at: node.location)
        }
        var operations: [Operation] = []
        for method in Self.methods {
            guard let operationNode = pairs.first(where: { $0.key == method })?.value else { continue }
            if let operation = operation(method: method, path: path, node: operationNode) {
                operations.append(operation)
            }
        }
        return PathItem(
            path: path,
            parameters: list(node["parameters"], reading: { $0.parameter($1) }),
            operations: operations,
            location: node.location
        )
    }

    mutating func operation(method: String, path: String, node written: SpecNode) -> Operation? {
        guard let node = inline(written) else { return nil }
        guard node.pairs != nil else {
            diagnostics.warn("operation should be a mapping; skipped", at: node.location)
            return nil
        }
        var responses: [(status: String, response: Ref<Response>)] = []
        if let responsePairs = node["responses"]?.pairs {
            for (status, responseNode) in responsePairs {
                guard Self.isStatusKey(status.uppercased()) else {
                    diagnostics.warn("response key '\(DocumentationText.inline(status))' is not a status code (such as 200 or 2XX) or 'default'; skipped", at: responseNode.location)
                    continue
                }
                if let response = reference(responseNode, read: { $0.response($1) }) {
                    responses.append((status.uppercased(), response))
                }
            }
        } else {
            diagnostics.warn("operation has no 'responses'", at: node.location)
        }
        var extensions: [String: ExampleValue] = [:]
        for (key, value) in node.pairs ?? [] where key.hasPrefix("x-") {
            extensions[key] = ExampleValue(json: value.json, location: value.location)
        }
        return Operation(
            method: method,
            path: path,
            operationID: node.string("operationId", &diagnostics),
            summary: node.string("summary", &diagnostics),
            description: node.string("description", &diagnostics),
            tags: node.strings("tags", &diagnostics) ?? [],
            parameters: list(node["parameters"], reading: { $0.parameter($1) }),
            requestBody: node["requestBody"].flatMap { reference($0, read: { $0.requestBody($1) }) },
            responses: responses,
            deprecated: node.bool("deprecated", default: false, &diagnostics),
            extensions: extensions,
            location: node.location
        )
    }

    mutating func parameter(_ node: SpecNode) -> Parameter? {
        guard let name = node.string("name", &diagnostics) else {
            diagnostics.warn("parameter has no 'name'; skipped", at: node.location)
            return nil
        }
        let where_ = node.string("in", &diagnostics) ?? ""
        guard let kind = ParameterLocation(rawValue: where_) else {
            diagnostics.warn("parameter '\(name)' has 'in: \(where_)', not path, query, header or cookie; skipped", at: node.location)
            return nil
        }
        var schema = node["schema"].flatMap { reference($0, read: { $0.schema($1) }) }
        if schema == nil, let content = node["content"]?.pairs?.first {
            schema = content.value["schema"].flatMap { reference($0, read: { $0.schema($1) }) }
        }
        let required = node.bool("required", default: kind == .path, &diagnostics)
        if kind == .path && !required {
            diagnostics.warn("path parameter '\(name)' must be required; treated as required", at: node.location)
        }
        return Parameter(
            name: name,
            kind: kind,
            required: required || kind == .path,
            description: node.string("description", &diagnostics),
            schema: schema,
            explode: node.bool("explode", default: true, &diagnostics),
            location: node.location
        )
    }

    mutating func requestBody(_ node: SpecNode) -> RequestBody? {
        RequestBody(
            description: node.string("description", &diagnostics),
            required: node.bool("required", default: false, &diagnostics),
            content: content(node["content"]),
            location: node.location
        )
    }

    mutating func response(_ node: SpecNode) -> Response? {
        var headers: [String: Ref<Header>] = [:]
        for (name, headerNode) in node["headers"]?.pairs ?? [] {
            headers[name] = reference(headerNode, read: { $0.header($1) })
        }
        return Response(
            description: node.string("description", &diagnostics),
            content: content(node["content"]),
            headers: headers,
            location: node.location
        )
    }

    mutating func header(_ node: SpecNode) -> Header? {
        Header(
            description: node.string("description", &diagnostics),
            schema: node["schema"].flatMap { reference($0, read: { $0.schema($1) }) }
        )
    }

    mutating func content(_ node: SpecNode?) -> [MediaType] {
        guard let node else { return [] }
        guard let pairs = node.pairs else {
            diagnostics.warn("'content' should be a mapping of media types; ignored", at: node.location)
            return []
        }
        return pairs.map { contentType, mediaNode in
            var examples: [Ref<ExampleValue>] = []
            if let example = mediaNode["example"] {
                examples.append(.value(ExampleValue(json: example.json, location: example.location)))
            }
            for (_, exampleNode) in mediaNode["examples"]?.pairs ?? [] {
                if let example = example(exampleNode) {
                    examples.append(example)
                }
            }
            return MediaType(
                contentType: contentType,
                schema: mediaNode["schema"].flatMap { reference($0, read: { $0.schema($1) }) },
                examples: examples,
                location: mediaNode.location
            )
        }
    }

    mutating func schema(_ node: SpecNode) -> Schema? {
        guard node.pairs != nil else {
            if node.node.bool == true || node.scalar == nil {
                diagnostics.warn("schema should be a mapping; read as any value", at: node.location)
            }
            return Schema(location: node.location)
        }
        var schema = Schema(location: node.location)
        if specVersion == .v3_0 {
            schema.type = node.string("type", &diagnostics)
            schema.nullable = node.bool("nullable", default: false, &diagnostics)
        }
        schema.format = node.string("format", &diagnostics)
        schema.title = node.string("title", &diagnostics)
        schema.description = node.string("description", &diagnostics)
        if let propertiesNode = node["properties"].flatMap({ inline($0) }) {
            if let pairs = propertiesNode.pairs {
                schema.properties = pairs.compactMap { name, value in
                    reference(value, read: { $0.schema($1) }).map { (name, $0) }
                }
            } else {
                diagnostics.warn("'properties' should be a mapping; ignored", at: propertiesNode.location)
            }
        }
        schema.required = node.strings("required", &diagnostics) ?? []
        schema.items = node["items"].flatMap { reference($0, read: { $0.schema($1) }) }
        if let additional = node["additionalProperties"] {
            if let allowed = additional.node.bool, additional.pairs == nil {
                schema.additionalProperties = .allowed(allowed)
            } else if let ref = reference(additional, read: { $0.schema($1) }) {
                schema.additionalProperties = .schema(ref)
            }
        }
        schema.enumValues = node.strings("enum", &diagnostics)
        schema.extensibleEnumValues = node.strings("x-extensible-enum", &diagnostics)
        schema.allOf = list(node["allOf"], reading: { $0.schema($1) })
        schema.oneOf = list(node["oneOf"], reading: { $0.schema($1) })
        schema.anyOf = list(node["anyOf"], reading: { $0.schema($1) })
        schema.discriminator = node["discriminator"].flatMap { discriminator($0) }
        schema.readOnly = node.bool("readOnly", default: false, &diagnostics)
        schema.writeOnly = node.bool("writeOnly", default: false, &diagnostics)
        schema.deprecated = node.bool("deprecated", default: false, &diagnostics)
        schema.minimum = node.double("minimum", &diagnostics)
        schema.maximum = node.double("maximum", &diagnostics)
        if specVersion == .v3_0 {
            schema.exclusiveMinimum = node.bool("exclusiveMinimum", default: false, &diagnostics)
            schema.exclusiveMaximum = node.bool("exclusiveMaximum", default: false, &diagnostics)
        }
        schema.minLength = node.int("minLength", &diagnostics)
        schema.maxLength = node.int("maxLength", &diagnostics)
        schema.pattern = node.string("pattern", &diagnostics)
        schema.minItems = node.int("minItems", &diagnostics)
        schema.maxItems = node.int("maxItems", &diagnostics)
        if let example = node["example"] {
            schema.examples = [ExampleValue(json: example.json, location: example.location)]
        }
        if specVersion == .v3_1 {
            readOpenAPI31Keywords(of: node, into: &schema)
        }
        return schema
    }

    /// Reads a `discriminator`; one without a string `propertyName` is reported and ignored.
    mutating func discriminator(_ node: SpecNode) -> Discriminator? {
        guard let propertyName = node.string("propertyName", &diagnostics) else {
            diagnostics.warn("discriminator without 'propertyName'; ignored", at: node.location)
            return nil
        }
        var mapping: [(value: String, schema: String)] = []
        for (value, target) in node["mapping"]?.pairs ?? [] {
            guard let schema = target.scalar else {
                diagnostics.warn("discriminator mapping values should be schema references; ignored", at: target.location)
                continue
            }
            let isReference = schema.contains("/") || schema.contains("#") || [".yaml", ".yml", ".json"].contains { schema.hasSuffix($0) }
            guard isReference else {
                mapping.append((value, schema))
                continue
            }
            if let local = componentReference(schema, writtenAt: target, as: Schema.self) {
                mapping.append((value, local))
            }
        }
        return Discriminator(propertyName: propertyName, mapping: mapping, location: node.location)
    }

    mutating func components(_ node: SpecNode?) -> Components {
        var components = Components()
        guard let node else { return components }
        components.schemas = (node["schemas"]?.pairs ?? []).compactMap { name, value in
            reference(value, read: { $0.schema($1) }).map { (name, $0) }
        }
        for (name, value) in node["parameters"]?.pairs ?? [] {
            components.parameters[name] = reference(value, read: { $0.parameter($1) })
        }
        for (name, value) in node["requestBodies"]?.pairs ?? [] {
            components.requestBodies[name] = reference(value, read: { $0.requestBody($1) })
        }
        for (name, value) in node["responses"]?.pairs ?? [] {
            components.responses[name] = reference(value, read: { $0.response($1) })
        }
        for (name, value) in node["headers"]?.pairs ?? [] {
            components.headers[name] = reference(value, read: { $0.header($1) })
        }
        for (name, value) in node["examples"]?.pairs ?? [] {
            components.examples[name] = example(value)
        }
        return components
    }

    /// Reads `$ref` or an inline value. OpenAPI 3.0 ignores the siblings of a
    /// `$ref`, but specs in the wild write `nullable: true` beside one and mean
    /// it: that case is read as `allOf: [$ref]` plus `nullable`, the valid form.
    /// OpenAPI 3.1 keeps the siblings of a schema `$ref` (see ``schemaReference(_:ref:location:)``).
    /// A reference to another file, or outside `components`, is first turned into one to a
    /// component (``componentReference(_:writtenAt:as:)``); one that cannot be followed is a
    /// schema of any value, or absent for the other kinds.
    mutating func reference<Value: ReferencedComponent>(_ node: SpecNode, read: (inout NodeReader, SpecNode) -> Value?) -> Ref<Value>? {
        if let ref = node["$ref"] {
            guard let written = ref.scalar else {
                diagnostics.warn("'$ref' should be a string; ignored", at: ref.location)
                return nil
            }
            guard let text = componentReference(written, writtenAt: ref, as: Value.self) else {
                return Value.self == Schema.self ? .value(Schema(location: node.location) as! Value) : nil
            }
            if Value.self == Schema.self, specVersion == .v3_1 {
                let annotated = schemaReference(node, ref: text, location: ref.location) as! Ref<Value>
                return annotated
            }
            if Value.self == Schema.self, node.bool("nullable", default: false, &diagnostics) {
                var wrapper = Schema(location: node.location)
                wrapper.nullable = true
                wrapper.allOf = [.reference(text, ref.location)]
                wrapper.description = node.string("description", &diagnostics)
                return .value(wrapper as! Value)
            }
            return .reference(text, ref.location)
        }
        return read(&self, node).map(Ref.value)
    }

    private mutating func list<Value: ReferencedComponent>(_ node: SpecNode?, reading read: (inout NodeReader, SpecNode) -> Value?) -> [Ref<Value>] {
        list(node) { reader, child in reader.reference(child, read: read) }
    }

    private mutating func list<Value>(_ node: SpecNode?, read: (inout NodeReader, SpecNode) -> Value?) -> [Value] {
        guard let node else { return [] }
        guard let items = node.items else {
            diagnostics.warn("should be a list; ignored", at: node.location)
            return []
        }
        return items.compactMap { read(&self, $0) }
    }
}
