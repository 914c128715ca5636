/// A schema with `$ref`, `allOf` and nullability folded into plain facts, ready to be compared
/// with another schema regardless of how either spells it.
///
/// Normalisation rules:
/// - `$ref` is resolved. Of its siblings only `nullable: true` is kept, and it makes the referenced
///   schema nullable. OpenAPI 3.0 says siblings of `$ref` are ignored, but the reference files
///   write `link_error: {$ref: ..., nullable: true}` meaning "this field may be null", which is
///   what a client has to accept on the wire, so we read it that way on both sides.
/// - `allOf` members are normalised and merged: properties are united (the schema's own and earlier
///   members win on a name clash), `required` is the union, `type`, `format`, `enum`, `items` and
///   `additionalProperties` come from the first that sets them, and the schema is nullable when it
///   or any member says `nullable: true` (so `{allOf: [$ref], nullable: true}` is nullable).
/// - An OpenAPI 3.1 type list such as `[string, "null"]` becomes `string` plus nullable.
/// - A schema without `type` that has properties or `additionalProperties` is an object; one with
///   `items` is an array.
/// - `additionalProperties` absent, `true` and `{}` all mean "allowed".
struct NormalizedSchema {
    /// What a schema says about keys beyond its properties.
    enum AdditionalProperties: Hashable {
        case allowed
        case forbidden
        case schema(SpecValue)

        var label: String {
            switch self {
            case .allowed: "allowed"
            case .forbidden: "false"
            case .schema: "schema"
            }
        }
    }

    /// The `$ref`s this schema was built from, in the order met; identifies it for cycle detection.
    private(set) var references: [String] = []
    private(set) var type: String?
    private(set) var format: String?
    private(set) var nullable = false
    private(set) var enumValues: [String]?
    private(set) var extensibleEnumValues: [String]?
    private(set) var properties: [String: SpecValue] = [:]
    private(set) var required: Set<String> = []
    private(set) var items: SpecValue?
    private(set) var additionalProperties = AdditionalProperties.allowed

    /// Normalises `value`, resolving `$ref`s in `document`.
    init(_ value: SpecValue, in document: OpenAPIDocument) throws {
        try self.init(value, in: document, resolving: [])
    }

    /// `nil` for a schema written inline, otherwise the `$ref`s it came from.
    var identity: String? {
        references.isEmpty ? nil : references.joined(separator: " + ")
    }

    /// `integer/int32`, `string`, or `untyped`.
    var typeLabel: String {
        let base = type ?? "untyped"
        return format.map { "\(base)/\($0)" } ?? base
    }

    private init(_ value: SpecValue, in document: OpenAPIDocument, resolving: Set<String>) throws {
        if let reference = value["$ref"]?.string {
            guard !resolving.contains(reference) else {
                throw SpecError(description: "schema \(reference) is made of itself through $ref/allOf")
            }
            self = try NormalizedSchema(
                document.resolve(reference: reference), in: document, resolving: resolving.union([reference]))
            references.insert(reference, at: 0)
            nullable = nullable || value["nullable"]?.bool == true
            return
        }
        readOwnFacts(of: value)
        for member in value["allOf"]?.sequence ?? [] {
            merge(try NormalizedSchema(member, in: document, resolving: resolving))
        }
        if type == nil {
            if !properties.isEmpty || additionalProperties != .allowed {
                type = "object"
            } else if items != nil {
                type = "array"
            }
        }
    }

    private mutating func readOwnFacts(of value: SpecValue) {
        switch value["type"] {
        case .scalar(let name):
            type = name
        case .sequence(let names):
            let named = names.compactMap(\.string)
            nullable = named.contains("null")
            let types = named.filter { $0 != "null" }
            type = types.isEmpty ? nil : types.joined(separator: "|")
        default:
            break
        }
        format = value["format"]?.string
        nullable = nullable || value["nullable"]?.bool == true
        enumValues = value["enum"]?.sequence.map { $0.map(Self.label(of:)) }
        extensibleEnumValues = value["x-extensible-enum"]?.sequence.map { $0.map(Self.label(of:)) }
        properties = value["properties"]?.mapping ?? [:]
        required = Set(value["required"]?.sequence?.compactMap(\.string) ?? [])
        items = value["items"]
        switch value["additionalProperties"] {
        case .some(let schema) where schema.bool == false:
            additionalProperties = .forbidden
        case .some(.mapping(let schema)) where !schema.isEmpty:
            additionalProperties = .schema(.mapping(schema))
        default:
            additionalProperties = .allowed
        }
    }

    private mutating func merge(_ member: NormalizedSchema) {
        references += member.references
        type = type ?? member.type
        format = format ?? member.format
        nullable = nullable || member.nullable
        enumValues = enumValues ?? member.enumValues
        extensibleEnumValues = extensibleEnumValues ?? member.extensibleEnumValues
        properties.merge(member.properties) { own, _ in own }
        required.formUnion(member.required)
        items = items ?? member.items
        if additionalProperties == .allowed {
            additionalProperties = member.additionalProperties
        }
    }

    private static func label(of value: SpecValue) -> String {
        value.string ?? "\(value)"
    }
}
