/// What generated `oneOf` / `anyOf` enums read with: a look at the discriminator member before
/// the value is read, and reading an alternative on trial.
extension JSONReader {
    /// Reads the value as `type` if it can; otherwise leaves the reader where it was and
    /// returns `nil`.
    @inlinable
    public mutating func attempt<Value: JSONReadable>(_ type: Value.Type) -> Value? {
        var trial = self
        guard let value = try? Value(json: &trial) else { return nil }
        self = trial
        return value
    }

    /// The string value of the member `name` of the object at the reader's position, without
    /// moving the reader; `nil` when the object has no such member or its value is not a string.
    /// Of repeated members the first counts.
    ///
    /// - Throws: ``JSONDecodingError`` when the value is not an object or the object is malformed
    ///   before the member.
    public func discriminator(_ name: StaticString) throws -> String? {
        var scan = self
        try scan.beginObject()
        while try scan.nextField() {
            if scan.fieldIs(name) {
                return try scan.peek() == UInt8(ascii: "\"") ? scan.readString() : nil
            }
            try scan.skipValue()
        }
        return nil
    }

    /// The error for a value that none of the alternatives of `typeName` reads, at the value.
    public mutating func noAlternative(of typeName: String) -> JSONDecodingError {
        skipWhitespace()
        return error("the value is none of the alternatives of \(typeName)")
    }
}
