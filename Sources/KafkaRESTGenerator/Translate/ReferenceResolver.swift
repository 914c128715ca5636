/// Resolves `$ref`s to every component kind. Only local references
/// (`#/components/<kind>/<name>`) are followed; anything else is reported
/// with the place it was written and treated as absent.
struct ReferenceResolver {
    let components: Components
    private let schemas: [String: Ref<Schema>]

    init(components: Components) {
        self.components = components
        var schemas: [String: Ref<Schema>] = [:]
        for (name, schema) in components.schemas where schemas[name] == nil {
            schemas[name] = schema
        }
        self.schemas = schemas
    }

    /// The component name a schema reference points at, or nil (and a warning) when it is not a local schema reference.
    func schemaName(_ reference: String, at location: SourceLocation, _ diagnostics: inout Diagnostics) -> String? {
        guard let name = componentName(reference, kind: "schemas") else {
            diagnostics.warn("'$ref: \(reference)' is not a local schema reference; read as any value", at: location)
            return nil
        }
        guard schemas[name] != nil else {
            diagnostics.warn("'$ref: \(reference)' points at no schema; read as any value", at: location)
            return nil
        }
        return name
    }

    /// The schema behind a reference (following chains), or nil when broken.
    func schema(_ ref: Ref<Schema>, _ diagnostics: inout Diagnostics) -> Schema? {
        resolve(ref, kind: "schemas", table: schemas, &diagnostics)
    }

    /// The schema behind a reference as the value it describes: for a schema that annotates a
    /// reference (``Schema/annotatesReference``), nullable or deprecated when the referenced schema
    /// is, and with its description when the annotation gives none, as a plain `$ref` would be.
    func annotatedSchema(_ ref: Ref<Schema>, _ diagnostics: inout Diagnostics) -> Schema? {
        guard var result = schema(ref, &diagnostics) else { return nil }
        var current = result
        var seen: Set<SourceLocation> = []
        while current.annotatesReference, seen.insert(current.location).inserted,
              let part = current.allOf.first, let target = schema(part, &diagnostics) {
            result.nullable = result.nullable || target.nullable
            result.deprecated = result.deprecated || target.deprecated
            result.description = result.description ?? target.description
            current = target
        }
        return result
    }

    /// The parameter behind a reference.
    func parameter(_ ref: Ref<Parameter>, _ diagnostics: inout Diagnostics) -> Parameter? {
        resolve(ref, kind: "parameters", table: components.parameters, &diagnostics)
    }

    /// The request body behind a reference.
    func requestBody(_ ref: Ref<RequestBody>, _ diagnostics: inout Diagnostics) -> RequestBody? {
        resolve(ref, kind: "requestBodies", table: components.requestBodies, &diagnostics)
    }

    /// The response behind a reference.
    func response(_ ref: Ref<Response>, _ diagnostics: inout Diagnostics) -> Response? {
        resolve(ref, kind: "responses", table: components.responses, &diagnostics)
    }

    /// The example value behind a reference.
    func example(_ ref: Ref<ExampleValue>, _ diagnostics: inout Diagnostics) -> ExampleValue? {
        resolve(ref, kind: "examples", table: components.examples, &diagnostics)
    }

    private func resolve<Value>(_ ref: Ref<Value>, kind: String, table: [String: Ref<Value>], _ diagnostics: inout Diagnostics) -> Value? {
        var current = ref
        var seen: Set<String> = []
        while true {
            switch current {
            case let .value(value):
                return value
            case let .reference(text, location):
                guard seen.insert(text).inserted else {
                    diagnostics.warn("'$ref: \(text)' refers to itself in a loop", at: location)
                    return nil
                }
                guard let name = componentName(text, kind: kind), let next = table[name] else {
                    diagnostics.warn("'$ref: \(text)' points at no \(kind) component; ignored", at: location)
                    return nil
                }
                current = next
            }
        }
    }

    private func componentName(_ reference: String, kind: String) -> String? {
        let prefix = "#/components/\(kind)/"
        guard reference.hasPrefix(prefix) else { return nil }
        return String(reference.dropFirst(prefix.count))
            .replacingOccurrences(of: "~1", with: "/")
            .replacingOccurrences(of: "~0", with: "~")
    }
}
