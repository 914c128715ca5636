import KafkaRESTSupport

/// Stage 2c: describes every component schema for payload validation, with
/// `allOf` flattened and references kept as names, so the runtime validator
/// can report violations by schema name and JSON pointer.
struct SchemaTableBuilder {
    private let resolver: ReferenceResolver
    private var expansion = AllOfExpansion()
    var diagnostics: Diagnostics

    init(resolver: ReferenceResolver, diagnostics: Diagnostics) {
        self.resolver = resolver
        self.diagnostics = diagnostics
    }

    /// Component schema name → descriptor.
    mutating func table() -> [String: SchemaDescriptor] {
        var table: [String: SchemaDescriptor] = [:]
        for (name, ref) in resolver.components.schemas where table[name] == nil {
            table[name] = describe(ref)
        }
        return table
    }

    private mutating func describe(_ ref: Ref<Schema>) -> SchemaDescriptor {
        switch ref {
        case let .reference(text, location):
            guard let name = resolver.schemaName(text, at: location, &diagnostics) else { return SchemaDescriptor() }
            return SchemaDescriptor(ref: name)
        case let .value(schema):
            return describe(schema)
        }
    }

    private mutating func describe(_ schema: Schema) -> SchemaDescriptor {
        if schema.allOf.count == 1, schema.properties.isEmpty, case let .reference(text, location) = schema.allOf[0] {
            guard let name = resolver.schemaName(text, at: location, &diagnostics) else { return SchemaDescriptor(nullable: schema.nullable) }
            return SchemaDescriptor(nullable: schema.nullable, ref: name)
        }
        guard expansion.enter(schema.location) else {
            diagnostics.warn("allOf refers back to a schema that contains it; any value is accepted here", at: schema.location)
            return SchemaDescriptor(nullable: schema.nullable)
        }
        defer { expansion.leave(schema.location) }
        let flattened = resolver.flatten(schema, &diagnostics)
        let properties = flattened.properties
        let required = flattened.definedRequired
        var type = schema.type
        var format = schema.format
        if type == "int32" || type == "int64" {
            format = type
            type = "integer"
        }
        if type == nil, !properties.isEmpty || !schema.allOf.isEmpty {
            type = "object"
        }
        if !schema.oneOf.isEmpty || !schema.anyOf.isEmpty {
            type = nil
        }
        var additionalAllowed: Bool?
        var additional: SchemaDescriptor?
        switch schema.additionalProperties {
        case .absent: break
        case let .allowed(allowed): additionalAllowed = allowed
        case let .schema(ref): additional = describe(ref)
        }
        return SchemaDescriptor(
            type: type,
            format: format,
            nullable: schema.nullable,
            properties: properties.isEmpty ? nil : properties.map { SchemaDescriptor.Property(name: $0.name, schema: describe($0.schema)) },
            required: required.isEmpty ? nil : required,
            additionalPropertiesAllowed: additionalAllowed,
            additionalProperties: additional,
            items: schema.items.map { describe($0) },
            enumValues: schema.extensibleEnumValues ?? schema.enumValues,
            extensibleEnum: schema.extensibleEnumValues != nil ? true : nil,
            minimum: schema.minimum,
            maximum: schema.maximum,
            exclusiveMinimum: schema.exclusiveMinimum ? true : nil,
            exclusiveMaximum: schema.exclusiveMaximum ? true : nil,
            minLength: schema.minLength,
            maxLength: schema.maxLength,
            minItems: schema.minItems,
            maxItems: schema.maxItems,
            pattern: schema.pattern
        )
    }
}
