import Foundation

extension String: JSONReadable, JSONWritable {
    @inlinable
    public init(json reader: inout JSONReader) throws {
        self = try reader.readString()
    }

    @inlinable
    public func writeJSON(to writer: inout JSONWriter) {
        writer.writeString(self)
    }
}

extension Bool: JSONReadable, JSONWritable {
    @inlinable
    public init(json reader: inout JSONReader) throws {
        self = try reader.readBool()
    }

    @inlinable
    public func writeJSON(to writer: inout JSONWriter) {
        writer.writeBool(self)
    }
}

/// An integer type whose byte-level coders read a whole number that fits it and write decimal.
public protocol JSONInteger: FixedWidthInteger, JSONReadable, JSONWritable {}

extension JSONInteger {
    @inlinable
    public init(json reader: inout JSONReader) throws {
        self = try reader.readInteger()
    }

    @inlinable
    public func writeJSON(to writer: inout JSONWriter) {
        writer.writeInteger(self)
    }
}

extension Int: JSONInteger {}

extension Int32: JSONInteger {}

extension Int64: JSONInteger {}

extension Double: JSONReadable, JSONWritable {
    @inlinable
    public init(json reader: inout JSONReader) throws {
        self = try reader.readDouble()
    }

    @inlinable
    public func writeJSON(to writer: inout JSONWriter) {
        writer.writeDouble(self)
    }
}

/// `null` for `nil`; reading `null` gives `nil`.
extension Optional: JSONReadable where Wrapped: JSONReadable {
    @inlinable
    public init(json reader: inout JSONReader) throws {
        if try reader.nextIsNull() {
            try reader.readNull()
            self = nil
        } else {
            self = try Wrapped(json: &reader)
        }
    }
}

extension Optional: JSONWritable where Wrapped: JSONWritable {
    @inlinable
    public func writeJSON(to writer: inout JSONWriter) {
        if let self {
            self.writeJSON(to: &writer)
        } else {
            writer.writeNull()
        }
    }
}

extension Array: JSONReadable where Element: JSONReadable {
    @inlinable
    public init(json reader: inout JSONReader) throws {
        self = []
        try reader.beginArray()
        while try reader.nextElement() {
            do {
                append(try Element(json: &reader))
            } catch let failure as JSONDecodingError {
                throw failure.inside(String(count))
            }
        }
    }
}

extension Array: JSONWritable where Element: JSONWritable {
    @inlinable
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginArray()
        for element in self {
            writer.element(element)
        }
        writer.endArray()
    }
}

/// A JSON object with any member names; of a repeated name the first value counts, as with
/// `JSONDecoder`.
extension Dictionary: JSONReadable where Key == String, Value: JSONReadable {
    @inlinable
    public init(json reader: inout JSONReader) throws {
        self = [:]
        try reader.beginObject()
        while try reader.nextField() {
            let key = reader.fieldName()
            guard self[key] == nil else {
                try reader.skipValue()
                continue
            }
            do {
                self[key] = try Value(json: &reader)
            } catch let failure as JSONDecodingError {
                throw failure.inside(key)
            }
        }
    }
}

extension Dictionary: JSONWritable where Key == String, Value: JSONWritable {
    @inlinable
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        for (key, value) in self {
            writer.field(named: key, value)
        }
        writer.endObject()
    }
}

/// RFC 3339 date-times as ``DateTimeCoding`` reads and writes them (UTC, milliseconds).
extension Date: JSONReadable, JSONWritable {
    public init(json reader: inout JSONReader) throws {
        let start = reader.offset
        guard let date = try reader.withStringBytes({ DateTimeCoding.date(utf8: $0) }) else {
            throw JSONDecodingError("expected an RFC 3339 date-time such as 2021-12-13T16:29:10.951Z", offset: start)
        }
        self = date
    }

    public func writeJSON(to writer: inout JSONWriter) {
        writer.bytes.append(UInt8(ascii: "\""))
        DateTimeCoding.append(self, to: &writer.bytes)
        writer.bytes.append(UInt8(ascii: "\""))
    }
}
