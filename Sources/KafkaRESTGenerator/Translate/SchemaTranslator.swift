/// Stage 2a: turns schemas into generated types and type usages. Flattens
/// `allOf` into one struct, names inline types after where they are used,
/// maps formats, and reads `enum` / `x-extensible-enum` / `nullable`; `oneOf` / `anyOf`
/// are translated in `SchemaTranslator+Alternatives.swift`.
struct SchemaTranslator {
    let resolver: ReferenceResolver
    private var scope: NameScope
    private var componentNames: [String: String] = [:]
    private var expansion = AllOfExpansion()
    private(set) var types: [GeneratedType] = []
    private var typeIndex: [String: Int] = [:]
    var diagnostics: Diagnostics

    init(resolver: ReferenceResolver, diagnostics: Diagnostics) {
        self.resolver = resolver
        self.diagnostics = diagnostics
        scope = NameScope(reserved: SwiftNaming.reservedTypeNames)
        for (name, _) in resolver.components.schemas where componentNames[name] == nil {
            var swiftName = SwiftNaming.typeName(name)
            if SwiftNaming.reservedTypeNames.contains(swiftName) { swiftName += "Model" }
            componentNames[name] = scope.claim(swiftName)
        }
    }

    /// Property names a struct cannot use; `self` becomes `selfValue`.
    private static let reservedMembers: Set<String> = ["init", "self", "Type", "CodingKeys"]

    /// Declares every component schema as a named type; a component that is only a `$ref` to
    /// another becomes an alias of it.
    mutating func translateComponents() {
        var declared: Set<String> = []
        for (name, ref) in resolver.components.schemas where declared.insert(name).inserted {
            guard let swiftName = componentNames[name], let schema = resolver.schema(ref, &diagnostics) else { continue }
            if case .reference = ref {
                record(GeneratedType(
                    name: swiftName, schemaName: name, isComponent: true,
                    documentation: DocumentationText.lines(schema.description ?? schema.title),
                    kind: .alias(usage(ref, hint: swiftName)), paging: nil
                ))
            } else {
                declare(schema, name: swiftName, schemaName: name, isComponent: true)
            }
        }
    }

    /// The type of a value described by `ref`; inline objects and enums become
    /// new types named from `hint`.
    mutating func usage(_ ref: Ref<Schema>, hint: String) -> TypeUsage {
        switch ref {
        case let .reference(text, location):
            guard let name = resolver.schemaName(text, at: location, &diagnostics), let swiftName = componentNames[name] else {
                return .json
            }
            return .named(swiftName)
        case let .value(schema):
            return inlineUsage(schema, hint: hint)
        }
    }

    /// The type declared so far under the Swift name `name`.
    func declaredType(named name: String) -> GeneratedType? {
        typeIndex[name].map { types[$0] }
    }

    /// Reserves a type name for a type declared outside this translator
    /// (e.g. a response enum), adding a number when taken.
    mutating func claimTypeName(_ name: String) -> String {
        scope.claim(name)
    }

    /// Whether `ref` may be `null`: `nullable` on the schema itself or on the component it refers to.
    mutating func isNullable(_ ref: Ref<Schema>) -> Bool {
        resolver.annotatedSchema(ref, &diagnostics)?.nullable ?? false
    }

    /// The description of the schema behind `ref`, for documentation.
    mutating func documentation(_ ref: Ref<Schema>) -> String? {
        guard case let .value(schema) = ref else { return nil }
        return schema.description ?? schema.title ?? schema.allOf.compactMap { documentation($0) }.first
    }

    private mutating func inlineUsage(_ schema: Schema, hint: String) -> TypeUsage {
        if let single = singlePart(schema) {
            return usage(single, hint: hint)
        }
        if !schema.allOf.isEmpty || schema.extensibleEnumValues != nil || isStringEnum(schema) || !schema.properties.isEmpty || hasAlternatives(schema) {
            guard expansion.enter(schema.location) else {
                diagnostics.warn("allOf refers back to a schema that contains it; read as a free-form JSON value", at: schema.location)
                return .json
            }
            defer { expansion.leave(schema.location) }
            let name = scope.claim(hint)
            declare(schema, name: name, schemaName: hint, isComponent: false)
            return .named(name)
        }
        return primitiveUsage(schema, hint: hint)
    }

    private mutating func primitiveUsage(_ schema: Schema, hint: String) -> TypeUsage {
        switch schema.type {
        case "string":
            switch schema.format {
            case "date-time": return .dateTime
            case "byte": return .base64
            default: return .string
            }
        case "integer":
            switch schema.format {
            case "int32": return .integer(bits: 32)
            case "int64": return .integer(bits: 64)
            default: return .integer(bits: nil)
            }
        case "int32", "int64":
            let bits = schema.type == "int32" ? 32 : 64
            diagnostics.warn("'type: \(schema.type!)' is not an OpenAPI type; read as integer with format \(schema.type!)", at: schema.location)
            return .integer(bits: bits)
        case "number":
            return .double
        case "boolean":
            return .bool
        case "null" where schema.nullable:
            return .json
        case "array":
            guard let items = schema.items else {
                diagnostics.warn("array without 'items'; elements read as free-form JSON", at: schema.location)
                return .array(.json)
            }
            let element = usage(items, hint: hint + "Item")
            if element.containsDateTime {
                diagnostics.warn("date-time values inside arrays are kept as strings", at: schema.location)
                return .array(.string)
            }
            return .array(element)
        case "object", nil:
            if case let .schema(valueSchema) = schema.additionalProperties {
                let value = usage(valueSchema, hint: hint + "Value")
                if value.containsDateTime {
                    diagnostics.warn("date-time values inside maps are kept as strings", at: schema.location)
                    return .dictionary(.string)
                }
                return .dictionary(value)
            }
            return .json
        case let other?:
            diagnostics.warn("unknown type '\(other)'; read as a free-form JSON value", at: schema.location)
            return .json
        }
    }

    private mutating func declare(_ schema: Schema, name: String, schemaName: String, isComponent: Bool) {
        let documentation = DocumentationText.lines(schema.description ?? schema.title)
        let kind: GeneratedType.Kind
        if let single = singlePart(schema) {
            kind = .alias(usage(single, hint: name + "Value"))
        } else if let distributed = distributingAlternatives(schema) {
            kind = .alternatives(alternatives(of: distributed, typeName: name))
        } else if let values = schema.extensibleEnumValues {
            kind = .openEnum(enumValues(values, reserved: ["rawValue", "knownValues", "isKnown", "description", "parameterValue", "init", "self", "Type"]))
        } else if isStringEnum(schema), let values = schema.enumValues {
            kind = .closedEnum(enumValues(values, reserved: ["rawValue", "allCases", "init", "self", "Type"]))
        } else if !schema.allOf.isEmpty || !schema.properties.isEmpty {
            kind = .structure(properties(of: schema, typeName: name))
        } else if hasAlternatives(schema) {
            kind = .alternatives(alternatives(of: schema, typeName: name))
        } else {
            kind = .alias(primitiveUsage(schema, hint: name + "Value"))
        }
        record(GeneratedType(name: name, schemaName: schemaName, isComponent: isComponent, documentation: documentation, kind: kind, paging: nil))
    }

    /// Adds a declared type, findable by ``declaredType(named:)``.
    private mutating func record(_ type: GeneratedType) {
        typeIndex[type.name] = types.count
        types.append(type)
    }

    /// The stored properties of a struct. A `required` property that is `readOnly` (only
    /// responses carry it) or `writeOnly` (only requests do) is optional, since the type serves
    /// both directions; its documentation says which.
    private mutating func properties(of schema: Schema, typeName: String) -> [GeneratedProperty] {
        let flattened = resolver.flatten(schema, &diagnostics)
        var names = NameScope(reserved: Self.reservedMembers)
        for missing in flattened.undefinedRequired.sorted() {
            diagnostics.warn("required property '\(missing)' is not defined in 'properties'; ignored", at: schema.location)
        }
        let required = Set(flattened.required)
        return flattened.properties.map { wireName, ref in
            let base = SwiftNaming.memberName(wireName)
            let swiftName = names.claim(Self.reservedMembers.contains(base) ? base + "Value" : base)
            let type = usage(ref, hint: typeName + SwiftNaming.typeName(wireName))
            let resolved = resolver.annotatedSchema(ref, &diagnostics)
            var lines = DocumentationText.lines(documentation(ref) ?? resolved?.description)
            let direction = resolved?.readOnly == true ? "Read-only: responses carry it; a request need not."
                : resolved?.writeOnly == true ? "Write-only: requests carry it; responses leave it out." : nil
            if let direction {
                lines = lines.allSatisfy(\.isEmpty) ? [direction] : lines + ["", direction]
            }
            return GeneratedProperty(
                name: swiftName,
                wireName: wireName,
                type: type,
                required: required.contains(wireName) && resolved?.readOnly != true && resolved?.writeOnly != true,
                nullable: resolved?.nullable ?? false,
                documentation: lines,
                deprecated: resolved?.deprecated ?? false
            )
        }
    }

    private func enumValues(_ values: [String], reserved: Set<String>) -> [EnumValue] {
        var names = NameScope(reserved: reserved)
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }.map { value in
            EnumValue(name: names.claim(value.isEmpty ? "empty" : SwiftNaming.memberName(value)), rawValue: value)
        }
    }

    private func isStringEnum(_ schema: Schema) -> Bool {
        schema.enumValues != nil && (schema.type == nil || schema.type == "string")
    }

    /// The one part of an `allOf`, `oneOf` or `anyOf` that only wraps a single schema (possibly
    /// adding `nullable` or a description).
    func singlePart(_ schema: Schema) -> Ref<Schema>? {
        guard schema.properties.isEmpty, schema.extensibleEnumValues == nil, schema.enumValues == nil else { return nil }
        let lists = [schema.allOf, schema.oneOf, schema.anyOf].filter { !$0.isEmpty }
        guard lists.count == 1, lists[0].count == 1 else { return nil }
        return lists[0][0]
    }

    /// Whether the schema is a `oneOf` / `anyOf` of several alternatives and nothing else
    /// (properties or `allOf` make it a struct).
    func hasAlternatives(_ schema: Schema) -> Bool {
        (!schema.oneOf.isEmpty || !schema.anyOf.isEmpty) && schema.allOf.isEmpty && schema.properties.isEmpty
    }
}
