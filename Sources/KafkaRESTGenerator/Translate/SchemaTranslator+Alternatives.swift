/// Stage 2a, `oneOf` / `anyOf`: an enum with a case per alternative.
///
/// Cases are named after the `$ref` target's schema name (its last dot-separated part, so
/// `networking.v1.AwsNetwork` gives `awsNetwork`), else the alternative's `title`, else its
/// type (`string`, `integer`, `number`, `bool`, `array`, `object`); clashes get a number. A nullable
/// alternative (or `type: 'null'`) adds a `null` case. `anyOf` is read as `oneOf`: the first
/// alternative that decodes wins. With a `discriminator`, each `$ref` alternative is selected by
/// its `mapping` entries, or by its schema name when none maps to it.
extension SchemaTranslator {
    /// Case names the generated enum keeps for itself (`null`, `unknown`) or cannot use.
    private static let reservedCaseNames: Set<String> = ["null", "unknown", "init", "self", "Type"]

    /// The alternatives of `schema`, whose enum is named `typeName`.
    mutating func alternatives(of schema: Schema, typeName: String) -> Alternatives {
        if !schema.oneOf.isEmpty, !schema.anyOf.isEmpty {
            diagnostics.warn("both oneOf and anyOf; anyOf is ignored", at: schema.location)
        }
        let isAnyOf = schema.oneOf.isEmpty
        var names = NameScope(reserved: Self.reservedCaseNames)
        var cases: [Alternative] = []
        var acceptsNull = false
        for ref in isAnyOf ? schema.anyOf : schema.oneOf {
            let resolved = resolver.annotatedSchema(ref, &diagnostics)
            if resolved?.nullable == true { acceptsNull = true }
            if resolved?.type == "null" {
                acceptsNull = true
                continue
            }
            let schemaName = referencedSchemaName(ref)
            let name = names.claim(caseName(schemaName: schemaName, resolved))
            var type = usage(ref, hint: typeName + SwiftNaming.typeName(name))
            if type == .dateTime {
                diagnostics.warn("date-time alternatives of oneOf/anyOf are kept as strings", at: resolved?.location ?? schema.location)
                type = .string
            }
            cases.append(Alternative(name: name, type: type, schemaName: schemaName, discriminatorValues: []))
        }
        warnAboutShadowedCases(cases, at: schema.location)
        if let discriminator = schema.discriminator {
            assignDiscriminatorValues(discriminator, to: &cases)
        }
        return Alternatives(cases: cases, discriminator: schema.discriminator?.propertyName, acceptsNull: acceptsNull, isAnyOf: isAnyOf)
    }

    /// The component schema a `$ref` alternative names, looking through a wrapper that only adds
    /// `nullable` or a description.
    private mutating func referencedSchemaName(_ ref: Ref<Schema>) -> String? {
        switch ref {
        case let .reference(text, location):
            return resolver.schemaName(text, at: location, &diagnostics)
        case let .value(schema):
            return schema.distributedFrom ?? singlePart(schema).flatMap { referencedSchemaName($0) }
        }
    }

    private func caseName(schemaName: String?, _ schema: Schema?) -> String {
        if let schemaName, let last = schemaName.split(separator: ".").last {
            return SwiftNaming.memberName(String(last))
        }
        if let title = schema?.title {
            return SwiftNaming.memberName(title)
        }
        switch schema?.type {
        case "string": return "string"
        case "integer", "int32", "int64": return "integer"
        case "number": return "number"
        case "boolean": return "bool"
        case "array": return "array"
        case "object": return "object"
        default: return schema.map { $0.properties.isEmpty && $0.allOf.isEmpty ? "value" : "object" } ?? "value"
        }
    }

    /// Without a discriminator a later case of the same Swift type as an earlier one never decodes.
    private mutating func warnAboutShadowedCases(_ cases: [Alternative], at location: SourceLocation) {
        for (index, alternative) in cases.enumerated() {
            if let earlier = cases[..<index].first(where: { $0.type == alternative.type }) {
                diagnostics.warn("alternatives '\(earlier.name)' and '\(alternative.name)' have the same Swift type \(alternative.type.swift); without a discriminator only the first is ever decoded", at: location)
            }
        }
    }

    /// Fills in the values that select each case: the `mapping` entries that name its schema,
    /// else the schema name itself. A value is used once; inline alternatives cannot be selected.
    private mutating func assignDiscriminatorValues(_ discriminator: Discriminator, to cases: inout [Alternative]) {
        var explicit: [String: [String]] = [:]
        for entry in discriminator.mapping {
            let target = entry.schema.hasPrefix("#")
                ? resolver.schemaName(entry.schema, at: discriminator.location, &diagnostics)
                : entry.schema
            guard let target, cases.contains(where: { $0.schemaName == target }) else {
                diagnostics.warn("discriminator mapping '\(entry.value)' names no alternative of this schema; ignored", at: discriminator.location)
                continue
            }
            explicit[target, default: []].append(entry.value)
        }
        var used: Set<String> = []
        for index in cases.indices {
            guard let schemaName = cases[index].schemaName else {
                diagnostics.warn("inline alternative '\(cases[index].name)' has no schema name for the discriminator to select; it is never decoded", at: discriminator.location)
                continue
            }
            cases[index].discriminatorValues = (explicit[schemaName] ?? [schemaName]).filter { used.insert($0).inserted }
        }
    }

    /// An `allOf` one of whose parts is a choice (a `oneOf` / `anyOf` and nothing else, inline or
    /// a `$ref`) read as that choice over the whole: one alternative per case of the choice, each
    /// the `allOf` of the other parts, the schema's own properties and that case. So
    /// `allOf: [Base, {oneOf: [Card, Bank]}]` becomes `oneOf: [allOf: [Base, Card], allOf: [Base, Bank]]`,
    /// an enum whose cases are structs with every property; the choice's discriminator carries
    /// over. Nil when no part is a choice, or when the choice's cases only constrain the object
    /// (each is `required: […]` and nothing that adds a member or a type, as in "at least one of
    /// these properties"): the struct of the other parts is the faithful reading then. With several
    /// choices, only the first is distributed (a warning).
    mutating func distributingAlternatives(_ schema: Schema) -> Schema? {
        guard !schema.allOf.isEmpty, schema.oneOf.isEmpty, schema.anyOf.isEmpty else { return nil }
        let parts = schema.allOf.map { resolver.schema($0, &diagnostics) }
        let choices = parts.indices.filter { index in
            guard let part = parts[index] else { return false }
            return hasAlternatives(part) && part.extensibleEnumValues == nil && part.enumValues == nil
        }
        guard let first = choices.first, let choice = parts[first] else { return nil }
        let isConstraintOnly = (choice.oneOf + choice.anyOf).allSatisfy { alternative in
            guard case let .value(inline) = alternative else { return false }
            return inline.properties.isEmpty && inline.allOf.isEmpty && inline.oneOf.isEmpty && inline.anyOf.isEmpty
                && inline.enumValues == nil && inline.extensibleEnumValues == nil && (inline.type == nil || inline.type == "object")
        }
        guard !isConstraintOnly else { return nil }
        if choices.count > 1 {
            diagnostics.warn("allOf has several oneOf/anyOf parts; only the first is read as a choice, the others are ignored", at: schema.location)
        }
        var others = schema.allOf.enumerated().filter { !choices.contains($0.offset) }.map(\.element)
        if !schema.properties.isEmpty {
            var own = Schema(location: schema.location)
            own.properties = schema.properties
            own.required = schema.required
            own.additionalProperties = schema.additionalProperties
            others.append(.value(own))
        }
        let isAnyOf = choice.oneOf.isEmpty
        let cases: [Ref<Schema>] = (isAnyOf ? choice.anyOf : choice.oneOf).map { alternative in
            let resolved = resolver.schema(alternative, &diagnostics)
            var merged = Schema(location: resolved?.location ?? schema.location)
            merged.allOf = others + [alternative]
            merged.title = resolved?.title
            merged.description = resolved?.description
            merged.nullable = resolved?.nullable ?? false
            merged.type = resolved?.type == "null" ? "null" : nil
            merged.distributedFrom = referencedSchemaName(alternative)
            return .value(merged)
        }
        var result = Schema(location: schema.location)
        result.title = schema.title
        result.description = schema.description
        result.nullable = schema.nullable
        result.deprecated = schema.deprecated
        result.discriminator = choice.discriminator
        if isAnyOf { result.anyOf = cases } else { result.oneOf = cases }
        return result
    }
}
