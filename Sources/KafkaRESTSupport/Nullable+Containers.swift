extension KeyedDecodingContainer {
    /// Decodes an optional, nullable property: a missing key gives `nil`, an explicit `null`
    /// gives ``Nullable/null`` and any other value gives ``Nullable/value(_:)``.
    public func decodeNullableIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> Nullable<T>? {
        guard contains(key) else { return nil }
        if try decodeNil(forKey: key) { return .null }
        return .value(try decode(T.self, forKey: key))
    }

    /// Decodes a required, nullable property: the key must be present (otherwise
    /// `DecodingError.keyNotFound` is thrown) and an explicit `null` gives `nil`.
    public func decodeNullable<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard contains(key) else {
            throw DecodingError.keyNotFound(
                key,
                DecodingError.Context(
                    codingPath: codingPath,
                    debugDescription: "Required key '\(key.stringValue)' is missing (it may be null but must be present)"
                )
            )
        }
        if try decodeNil(forKey: key) { return nil }
        return try decode(T.self, forKey: key)
    }
}

extension KeyedEncodingContainer {
    /// Encodes an optional, nullable property: `nil` writes nothing, ``Nullable/null`` writes
    /// an explicit `null` and ``Nullable/value(_:)`` writes the value.
    public mutating func encodeNullableIfPresent<T: Encodable>(_ value: Nullable<T>?, forKey key: Key) throws {
        switch value {
        case nil: return
        case .null?: try encodeNil(forKey: key)
        case .value(let wrapped)?: try encode(wrapped, forKey: key)
        }
    }

    /// Encodes a required, nullable property: the key is always written, `nil` as `null`.
    public mutating func encodeNullable<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value {
            try encode(value, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }
}
