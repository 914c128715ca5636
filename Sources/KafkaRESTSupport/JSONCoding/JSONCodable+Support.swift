import Foundation

extension Base64Data: JSONReadable, JSONWritable {
    /// Reads a base64 string; invalid base64 is an error that does not repeat the text.
    public init(json reader: inout JSONReader) throws {
        let start = reader.offset
        let decoded = try reader.withStringBytes { Data(base64Encoded: Data($0)) }
        guard let decoded else {
            throw JSONDecodingError("the string is not valid base64", offset: start)
        }
        self.init(decoded)
    }

    public func writeJSON(to writer: inout JSONWriter) {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in writer.writeBase64(raw.assumingMemoryBound(to: UInt8.self)) }
    }
}

extension Nullable: JSONReadable where Wrapped: JSONReadable {
    /// Reads `null` as ``null`` and anything else as ``value(_:)``.
    @inlinable
    public init(json reader: inout JSONReader) throws {
        if try reader.nextIsNull() {
            try reader.readNull()
            self = .null
        } else {
            self = .value(try Wrapped(json: &reader))
        }
    }
}

extension Nullable: JSONWritable where Wrapped: JSONWritable {
    /// Writes ``null`` as `null` and ``value(_:)`` as the wrapped value.
    @inlinable
    public func writeJSON(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.writeNull()
        case .value(let value): value.writeJSON(to: &writer)
        }
    }
}

extension OpenEnum {
    /// Reads any string, kept as it is.
    @inlinable
    public init(json reader: inout JSONReader) throws {
        self.init(rawValue: try reader.readString())
    }

    /// Writes the raw string exactly as it was received or created.
    @inlinable
    public func writeJSON(to writer: inout JSONWriter) {
        writer.writeString(rawValue)
    }
}

extension ClosedEnum {
    /// Reads a string that must be one of the cases' raw values.
    public init(json reader: inout JSONReader) throws {
        let start = reader.offset
        let rawValue = try reader.readString()
        guard let value = Self(rawValue: rawValue) else {
            let allowed = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw JSONDecodingError("'\(rawValue)' is not a valid \(Self.self) (expected one of \(allowed))", offset: start)
        }
        self = value
    }

    /// Writes the raw value.
    @inlinable
    public func writeJSON(to writer: inout JSONWriter) {
        writer.writeString(rawValue)
    }
}

extension JSONValue: JSONReadable, JSONWritable {
    /// Reads any JSON value; whole numbers that fit `Int64` become ``integer(_:)``.
    public init(json reader: inout JSONReader) throws {
        switch try reader.peek() {
        case UInt8(ascii: "n"):
            try reader.readNull()
            self = .null
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            self = .bool(try reader.readBool())
        case UInt8(ascii: "\""):
            self = .string(try reader.readString())
        case UInt8(ascii: "["):
            self = .array(try [JSONValue](json: &reader))
        case UInt8(ascii: "{"):
            self = .object(try [String: JSONValue](json: &reader))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            self = try reader.readNumberValue()
        default:
            throw reader.error("expected a value, found \(reader.found())")
        }
    }

    public func writeJSON(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.writeNull()
        case .bool(let value): writer.writeBool(value)
        case .integer(let value): writer.writeInteger(value)
        case .double(let value): writer.writeDouble(value)
        case .string(let value): writer.writeString(value)
        case .array(let value): value.writeJSON(to: &writer)
        case .object(let value): value.writeJSON(to: &writer)
        }
    }
}
