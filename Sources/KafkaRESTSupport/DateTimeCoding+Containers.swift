import Foundation

extension KeyedDecodingContainer {
    /// Decodes a required RFC 3339 date-time string.
    ///
    /// A string that is not a date-time throws `DecodingError.dataCorrupted` naming the value,
    /// with the key's coding path.
    public func decodeDateTime(forKey key: Key) throws -> Date {
        try dateTime(from: decode(String.self, forKey: key), forKey: key)
    }

    /// Decodes an optional RFC 3339 date-time string; a missing key or `null` gives `nil`.
    public func decodeDateTimeIfPresent(forKey key: Key) throws -> Date? {
        try decodeIfPresent(String.self, forKey: key).map { try dateTime(from: $0, forKey: key) }
    }

    /// Decodes a required, nullable date-time: the key must be present and `null` gives `nil`.
    public func decodeNullableDateTime(forKey key: Key) throws -> Date? {
        try decodeNullable(String.self, forKey: key).map { try dateTime(from: $0, forKey: key) }
    }

    /// Decodes an optional, nullable date-time: a missing key gives `nil`, `null` gives
    /// ``Nullable/null``.
    public func decodeNullableDateTimeIfPresent(forKey key: Key) throws -> Nullable<Date>? {
        switch try decodeNullableIfPresent(String.self, forKey: key) {
        case nil: nil
        case .null?: .null
        case .value(let string)?: .value(try dateTime(from: string, forKey: key))
        }
    }

    private func dateTime(from string: String, forKey key: Key) throws -> Date {
        guard let date = DateTimeCoding.date(from: string) else {
            throw DecodingError.dataCorruptedError(
                forKey: key,
                in: self,
                debugDescription: "'\(string)' is not an RFC 3339 date-time"
            )
        }
        return date
    }
}

extension KeyedEncodingContainer {
    /// Encodes a date as an RFC 3339 string in UTC with milliseconds.
    public mutating func encodeDateTime(_ date: Date, forKey key: Key) throws {
        try encode(DateTimeCoding.string(from: date), forKey: key)
    }

    /// Encodes an optional date; `nil` writes nothing.
    public mutating func encodeDateTimeIfPresent(_ date: Date?, forKey key: Key) throws {
        try encodeIfPresent(date.map(DateTimeCoding.string(from:)), forKey: key)
    }

    /// Encodes a required, nullable date; `nil` writes an explicit `null`.
    public mutating func encodeNullableDateTime(_ date: Date?, forKey key: Key) throws {
        try encodeNullable(date.map(DateTimeCoding.string(from:)), forKey: key)
    }

    /// Encodes an optional, nullable date: `nil` writes nothing, ``Nullable/null`` writes `null`.
    public mutating func encodeNullableDateTimeIfPresent(_ date: Nullable<Date>?, forKey key: Key) throws {
        let string: Nullable<String>? = switch date {
        case nil: nil
        case .null?: .null
        case .value(let date)?: .value(DateTimeCoding.string(from: date))
        }
        try encodeNullableIfPresent(string, forKey: key)
    }
}
