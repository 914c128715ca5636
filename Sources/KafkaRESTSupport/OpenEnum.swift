/// A string enumeration that keeps values it does not know (OpenAPI `x-extensible-enum`).
///
/// Generated types are structs wrapping the raw string, with a static constant per known
/// value. Any string decodes, is kept as is and encodes back unchanged, so a client built
/// against an older spec does not fail when the server adds a value. Match known values with
/// `switch` and handle the rest with `default`:
///
/// ```swift
/// switch operation {
/// case .read: …
/// default: print("unhandled \(operation)")
/// }
/// ```
public protocol OpenEnum: RawRepresentable, Codable, JSONReadable, JSONWritable, Sendable, Hashable, CustomStringConvertible,
    ExpressibleByStringLiteral, ParameterValue where RawValue == String
{
    /// Wraps any string, known or not.
    init(rawValue: String)

    /// The values the spec listed when the code was generated.
    static var knownValues: [Self] { get }
}

extension OpenEnum {
    /// Wraps the literal string.
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    /// Decodes a single string; every string is accepted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(String.self))
    }

    /// Encodes the raw string exactly as it was received or created.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The raw string.
    public var description: String { rawValue }

    /// Whether the value is one of ``knownValues``.
    public var isKnown: Bool { Self.knownValues.contains(self) }

    /// The raw string.
    public var parameterValue: String { rawValue }
}
