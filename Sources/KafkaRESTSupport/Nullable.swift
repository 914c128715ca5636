/// A value that may be an explicit JSON `null`.
///
/// Properties that are both optional and nullable in the spec are generated as
/// `Nullable<T>?`, which keeps the three states JSON can express apart:
///
/// | Swift            | JSON                  |
/// |------------------|-----------------------|
/// | `nil`            | key absent            |
/// | `.null`          | `"key": null`         |
/// | `.value(x)`      | `"key": x`            |
///
/// Code them with the `KeyedDecodingContainer.decodeNullableIfPresent(_:forKey:)` and
/// `KeyedEncodingContainer.encodeNullableIfPresent(_:forKey:)` helpers.
public enum Nullable<Wrapped> {
    /// An explicit JSON `null`.
    case null
    /// A present, non-null value.
    case value(Wrapped)

    /// Creates ``value(_:)`` from a value, or ``null`` from `nil`.
    public init(_ value: Wrapped?) {
        if let value {
            self = .value(value)
        } else {
            self = .null
        }
    }

    /// The wrapped value, or `nil` for ``null``.
    public var value: Wrapped? {
        guard case .value(let value) = self else { return nil }
        return value
    }
}

extension Nullable: Sendable where Wrapped: Sendable {}

extension Nullable: Equatable where Wrapped: Equatable {}

extension Nullable: Hashable where Wrapped: Hashable {}

extension Nullable: Decodable where Wrapped: Decodable {
    /// Decodes `null` as ``null`` and anything else as ``value(_:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else {
            self = .value(try container.decode(Wrapped.self))
        }
    }
}

extension Nullable: Encodable where Wrapped: Encodable {
    /// Encodes ``null`` as `null` and ``value(_:)`` as the wrapped value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .value(let value): try container.encode(value)
        }
    }
}
