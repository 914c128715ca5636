/// A string enumeration with a fixed set of values (a plain OpenAPI `enum`).
///
/// Generated as a Swift `enum` with `String` raw values. Decoding an unlisted value fails
/// with a `DecodingError.dataCorrupted` whose description names the value, the type and the
/// allowed values, for example
/// `'LITRAL' is not a valid PatternType (expected one of LITERAL, PREFIXED, MATCH, ANY, UNKNOWN)`.
public protocol ClosedEnum: RawRepresentable, CaseIterable, Codable, JSONReadable, JSONWritable, Sendable, Hashable, ParameterValue
where RawValue == String {}

extension ClosedEnum {
    /// Decodes a single string that must be one of the cases' raw values.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let rawValue = try container.decode(String.self)
        guard let value = Self(rawValue: rawValue) else {
            let allowed = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(rawValue)' is not a valid \(Self.self) (expected one of \(allowed))"
            )
        }
        self = value
    }

    /// The raw string.
    public var parameterValue: String { rawValue }
}
