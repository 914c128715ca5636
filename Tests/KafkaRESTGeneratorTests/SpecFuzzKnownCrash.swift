@testable import KafkaRESTGenerator

/// Recognises the specs that hit the one known generator crash, so the fuzzer can set them
/// aside (and count them) instead of dying: an inline schema whose `allOf` is merged (anything
/// but a lone `$ref`) and reaches, through references, the component that contains it. Merging
/// copies that component's properties, among them the same inline schema, without end; see
/// `LoaderFuzzTests.propertyWhoseAllOfRefersToItsOwnSchema`. The test is deliberately broad:
/// any reference path counts, through `oneOf` and `anyOf` too.
enum SpecFuzzKnownCrash {
    /// Whether `document` has an inline, merged `allOf` that reaches its own component.
    static func hasSelfExpandingAllOf(_ document: OpenAPIDocument) -> Bool {
        var components: [String: Schema] = [:]
        var edges: [String: [String]] = [:]
        for (name, ref) in document.components.schemas where edges[name] == nil {
            edges[name] = references(in: ref)
            if case let .value(schema) = ref { components[name] = schema }
        }
        var reachable: [String: Set<String>] = [:]
        func closure(from names: Set<String>) -> Set<String> {
            var seen = Set<String>()
            var pending = Array(names)
            while let name = pending.popLast() {
                guard seen.insert(name).inserted else { continue }
                pending += edges[name] ?? []
            }
            return seen
        }
        for (name, schema) in components {
            for inline in inlineSchemas(in: schema) where merges(inline) {
                let start = Set(inline.allOf.flatMap(references))
                let reached = reachable[start.sorted().joined(separator: "\n")] ?? closure(from: start)
                reachable[start.sorted().joined(separator: "\n")] = reached
                if reached.contains(name) { return true }
            }
        }
        return false
    }

    /// Whether `schema` has its `allOf` merged rather than read as a plain reference.
    private static func merges(_ schema: Schema) -> Bool {
        guard !schema.allOf.isEmpty else { return false }
        if schema.allOf.count == 1, schema.properties.isEmpty, case .reference = schema.allOf[0] { return false }
        return true
    }

    /// The schemas written inside `schema`, at any depth below it.
    private static func inlineSchemas(in schema: Schema) -> [Schema] {
        children(of: schema).flatMap { child -> [Schema] in
            guard case let .value(inline) = child else { return [] }
            return [inline] + inlineSchemas(in: inline)
        }
    }

    /// Every component name `ref` and the schemas inside it refer to.
    private static func references(in ref: Ref<Schema>) -> [String] {
        switch ref {
        case let .reference(text, _): return componentName(text).map { [$0] } ?? []
        case let .value(schema): return references(in: schema)
        }
    }

    private static func references(in schema: Schema) -> [String] {
        children(of: schema).flatMap(references)
    }

    private static func children(of schema: Schema) -> [Ref<Schema>] {
        var children = schema.properties.map(\.schema) + schema.allOf + schema.oneOf + schema.anyOf
        if let items = schema.items { children.append(items) }
        if case let .schema(values) = schema.additionalProperties { children.append(values) }
        return children
    }

    private static func componentName(_ reference: String) -> String? {
        let prefix = "#/components/schemas/"
        guard reference.hasPrefix(prefix) else { return nil }
        return String(reference.dropFirst(prefix.count)).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }
}
