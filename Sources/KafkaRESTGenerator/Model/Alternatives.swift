/// The alternatives of a `oneOf` or `anyOf` schema, generated as an enum with a case per
/// alternative.
///
/// With a ``discriminator`` decoding reads that member and picks the case whose
/// ``Alternative/discriminatorValues`` list its value; any other value (or none) is kept in an
/// `unknown` case. Without one, decoding tries the cases in order and keeps the first that decodes.
struct Alternatives: Sendable {
    /// The cases, in the order the spec lists the alternatives.
    var cases: [Alternative]
    /// The member that names the alternative (`discriminator.propertyName`).
    var discriminator: String?
    /// Whether `null` is one of the alternatives (a nullable alternative), read as a `null` case.
    var acceptsNull: Bool
    /// Whether the schema said `anyOf` (read like `oneOf`: the first alternative that decodes).
    var isAnyOf: Bool
    /// Whether the enum is `indirect`, because an alternative contains it (set by ``RecursionBreaking``).
    var isIndirect = false
    /// Whether the enum can be sent as a path, query or header parameter, as the text of the
    /// case's value (set by ``ParameterTypes``).
    var isParameterValue = false
}

/// One alternative of a `oneOf` / `anyOf`.
struct Alternative: Sendable {
    /// Swift case name, unescaped.
    var name: String
    /// The associated value's type.
    var type: TypeUsage
    /// The component schema, when the alternative is a `$ref`.
    var schemaName: String?
    /// The discriminator values that select this case (explicit `mapping` entries, else the schema name).
    var discriminatorValues: [String]
}
