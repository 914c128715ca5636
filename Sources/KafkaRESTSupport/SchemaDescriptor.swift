import Foundation

/// A compact description of one JSON schema of the spec, as the generator
/// emits it into the generated module's `SchemaTable` for payload validation:
/// type, format, nullability, properties and `required`, array items, map
/// values, `enum` / `x-extensible-enum` values, and bounds and patterns.
/// `allOf` is already flattened; `ref` names another entry of the table.
public final class SchemaDescriptor: Codable, Sendable, Hashable, CustomStringConvertible {
    /// `string`, `integer`, `number`, `boolean`, `array`, `object`, or nil for any value.
    public let type: String?
    /// `format`, e.g. `int32`, `date-time`, `byte`.
    public let format: String?
    /// Whether `null` is allowed.
    public let nullable: Bool
    /// The component schema this refers to (the other fields are then empty).
    public let ref: String?
    /// Object properties, in spec order.
    public let properties: [Property]?
    /// Required property names.
    public let required: [String]?
    /// Whether properties not listed are allowed (default true, as in JSON Schema).
    public let additionalPropertiesAllowed: Bool?
    /// The schema of map values (`additionalProperties` with a schema).
    public let additionalProperties: SchemaDescriptor?
    /// The schema of array items.
    public let items: SchemaDescriptor?
    /// Allowed values (`enum`), or known values (`x-extensible-enum`).
    public let enumValues: [String]?
    /// True when `enumValues` are the known values of an open enum (any string is allowed).
    public let extensibleEnum: Bool?
    /// `minimum`.
    public let minimum: Double?
    /// `maximum`.
    public let maximum: Double?
    /// `exclusiveMinimum`.
    public let exclusiveMinimum: Bool?
    /// `exclusiveMaximum`.
    public let exclusiveMaximum: Bool?
    /// `minLength`.
    public let minLength: Int?
    /// `maxLength`.
    public let maxLength: Int?
    /// `minItems`.
    public let minItems: Int?
    /// `maxItems`.
    public let maxItems: Int?
    /// `pattern` (ECMA 262 regular expression).
    public let pattern: String?

    /// One object property.
    public struct Property: Codable, Sendable, Hashable {
        /// JSON name.
        public let name: String
        /// Its schema.
        public let schema: SchemaDescriptor

        /// Creates a property.
        public init(name: String, schema: SchemaDescriptor) {
            self.name = name
            self.schema = schema
        }
    }

    /// Creates a descriptor; every field is optional.
    public init(
        type: String? = nil, format: String? = nil, nullable: Bool = false, ref: String? = nil,
        properties: [Property]? = nil, required: [String]? = nil, additionalPropertiesAllowed: Bool? = nil,
        additionalProperties: SchemaDescriptor? = nil, items: SchemaDescriptor? = nil,
        enumValues: [String]? = nil, extensibleEnum: Bool? = nil,
        minimum: Double? = nil, maximum: Double? = nil, exclusiveMinimum: Bool? = nil, exclusiveMaximum: Bool? = nil,
        minLength: Int? = nil, maxLength: Int? = nil, minItems: Int? = nil, maxItems: Int? = nil, pattern: String? = nil
    ) {
        self.type = type
        self.format = format
        self.nullable = nullable
        self.ref = ref
        self.properties = properties
        self.required = required
        self.additionalPropertiesAllowed = additionalPropertiesAllowed
        self.additionalProperties = additionalProperties
        self.items = items
        self.enumValues = enumValues
        self.extensibleEnum = extensibleEnum
        self.minimum = minimum
        self.maximum = maximum
        self.exclusiveMinimum = exclusiveMinimum
        self.exclusiveMaximum = exclusiveMaximum
        self.minLength = minLength
        self.maxLength = maxLength
        self.minItems = minItems
        self.maxItems = maxItems
        self.pattern = pattern
    }

    private enum CodingKeys: String, CodingKey {
        case type, format, nullable, ref, properties, required, additionalPropertiesAllowed, additionalProperties
        case items, enumValues = "enum", extensibleEnum, minimum, maximum, exclusiveMinimum, exclusiveMaximum
        case minLength, maxLength, minItems, maxItems, pattern
    }

    public required init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decodeIfPresent(String.self, forKey: .type)
        format = try container.decodeIfPresent(String.self, forKey: .format)
        nullable = try container.decodeIfPresent(Bool.self, forKey: .nullable) ?? false
        ref = try container.decodeIfPresent(String.self, forKey: .ref)
        properties = try container.decodeIfPresent([Property].self, forKey: .properties)
        required = try container.decodeIfPresent([String].self, forKey: .required)
        additionalPropertiesAllowed = try container.decodeIfPresent(Bool.self, forKey: .additionalPropertiesAllowed)
        additionalProperties = try container.decodeIfPresent(SchemaDescriptor.self, forKey: .additionalProperties)
        items = try container.decodeIfPresent(SchemaDescriptor.self, forKey: .items)
        enumValues = try container.decodeIfPresent([String].self, forKey: .enumValues)
        extensibleEnum = try container.decodeIfPresent(Bool.self, forKey: .extensibleEnum)
        minimum = try container.decodeIfPresent(Double.self, forKey: .minimum)
        maximum = try container.decodeIfPresent(Double.self, forKey: .maximum)
        exclusiveMinimum = try container.decodeIfPresent(Bool.self, forKey: .exclusiveMinimum)
        exclusiveMaximum = try container.decodeIfPresent(Bool.self, forKey: .exclusiveMaximum)
        minLength = try container.decodeIfPresent(Int.self, forKey: .minLength)
        maxLength = try container.decodeIfPresent(Int.self, forKey: .maxLength)
        minItems = try container.decodeIfPresent(Int.self, forKey: .minItems)
        maxItems = try container.decodeIfPresent(Int.self, forKey: .maxItems)
        pattern = try container.decodeIfPresent(String.self, forKey: .pattern)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(type, forKey: .type)
        try container.encodeIfPresent(format, forKey: .format)
        if nullable { try container.encode(true, forKey: .nullable) }
        try container.encodeIfPresent(ref, forKey: .ref)
        try container.encodeIfPresent(properties, forKey: .properties)
        try container.encodeIfPresent(required, forKey: .required)
        try container.encodeIfPresent(additionalPropertiesAllowed, forKey: .additionalPropertiesAllowed)
        try container.encodeIfPresent(additionalProperties, forKey: .additionalProperties)
        try container.encodeIfPresent(items, forKey: .items)
        try container.encodeIfPresent(enumValues, forKey: .enumValues)
        try container.encodeIfPresent(extensibleEnum, forKey: .extensibleEnum)
        try container.encodeIfPresent(minimum, forKey: .minimum)
        try container.encodeIfPresent(maximum, forKey: .maximum)
        try container.encodeIfPresent(exclusiveMinimum, forKey: .exclusiveMinimum)
        try container.encodeIfPresent(exclusiveMaximum, forKey: .exclusiveMaximum)
        try container.encodeIfPresent(minLength, forKey: .minLength)
        try container.encodeIfPresent(maxLength, forKey: .maxLength)
        try container.encodeIfPresent(minItems, forKey: .minItems)
        try container.encodeIfPresent(maxItems, forKey: .maxItems)
        try container.encodeIfPresent(pattern, forKey: .pattern)
    }

    /// Reads a table written by the generator: a JSON object of schema name → descriptor.
    /// The generator checks the table when it writes it, so a failure here is a
    /// corrupted generated file and stops the program with the reason.
    public static func table(fromJSON json: String) -> [String: SchemaDescriptor] {
        do {
            return try JSONDecoder().decode([String: SchemaDescriptor].self, from: Data(json.utf8))
        } catch {
            preconditionFailure("the generated schema table does not decode: \(error)")
        }
    }

    /// The descriptor as compact JSON with sorted keys.
    public var description: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "SchemaDescriptor"
    }

    public static func == (lhs: SchemaDescriptor, rhs: SchemaDescriptor) -> Bool {
        lhs.description == rhs.description
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(description)
    }
}
