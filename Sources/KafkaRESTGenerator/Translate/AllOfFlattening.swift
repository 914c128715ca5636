/// An object schema with its `allOf` parts merged: every property in order of
/// first appearance (a later definition of a name replaces the earlier one in
/// place), and every name listed in `required` anywhere, in order.
struct FlattenedObject {
    var properties: [(name: String, schema: Ref<Schema>)] = []
    var required: [String] = []

    /// The names in ``required`` that no property defines.
    var undefinedRequired: [String] {
        let defined = Set(properties.map(\.name))
        return required.filter { !defined.contains($0) }
    }

    /// ``required`` without the names no property defines.
    var definedRequired: [String] {
        let defined = Set(properties.map(\.name))
        return required.filter(defined.contains)
    }
}

extension ReferenceResolver {
    /// Merges `schema` with its `allOf` parts, following references and
    /// skipping a reference already merged (so cycles end).
    func flatten(_ schema: Schema, _ diagnostics: inout Diagnostics) -> FlattenedObject {
        var result = FlattenedObject()
        var visited: Set<String> = []
        flatten(schema, into: &result, visited: &visited, &diagnostics)
        return result
    }

    private func flatten(_ schema: Schema, into result: inout FlattenedObject, visited: inout Set<String>, _ diagnostics: inout Diagnostics) {
        for part in schema.allOf {
            if case let .reference(text, _) = part, !visited.insert(text).inserted { continue }
            if let resolved = self.schema(part, &diagnostics) {
                flatten(resolved, into: &result, visited: &visited, &diagnostics)
            }
        }
        for (name, ref) in schema.properties {
            if let index = result.properties.firstIndex(where: { $0.name == name }) {
                result.properties[index].schema = ref
            } else {
                result.properties.append((name, ref))
            }
        }
        for name in schema.required where !result.required.contains(name) {
            result.required.append(name)
        }
    }
}

/// The places of the inline schemas being expanded, while their properties (merged from
/// `allOf` parts) are translated.
///
/// Merging copies the properties of the referenced schemas, and with them any inline `allOf`
/// schema they hold. When that is the schema being expanded (a property whose `allOf` refers
/// back to a schema containing it), expanding it again would never end; such a schema is read
/// as a free-form value instead.
struct AllOfExpansion {
    private var expanding: Set<SourceLocation> = []

    /// Starts expanding the inline schema at `location`, unless it is being expanded already;
    /// returns whether it started.
    mutating func enter(_ location: SourceLocation) -> Bool {
        expanding.insert(location).inserted
    }

    /// Ends the expansion started at `location`.
    mutating func leave(_ location: SourceLocation) {
        expanding.remove(location)
    }
}
