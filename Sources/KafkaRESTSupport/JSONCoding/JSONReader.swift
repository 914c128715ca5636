/// Reads JSON straight from UTF-8 bytes: the decoder behind ``JSONReadable``.
///
/// It validates as RFC 8259 demands (structure, number grammar, string escapes including
/// surrogate pairs, UTF-8), refuses nesting deeper than ``maximumDepth`` and data after the
/// document, and reports problems as ``JSONDecodingError`` with the JSON pointer of the value
/// and the byte offset. A reader only exists inside ``JSONReadable/init(jsonBytes:)`` and the
/// `read` functions that hand it out, while its bytes are alive.
public struct JSONReader {
    /// Objects and arrays nested deeper than this are refused (as `JSONDecoder` does).
    public static let maximumDepth = 512

    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline var index = 0
    @usableFromInline var depth = 0
    /// Set when a container was just opened: its first member or element needs no comma.
    @usableFromInline var atContainerStart = false
    /// The current member's name, between its quotes (escapes not yet resolved).
    @usableFromInline var keyStart = 0
    @usableFromInline var keyEnd = 0
    @usableFromInline var keyHasEscapes = false

    /// A reader at the start of `bytes`, past a UTF-8 byte order mark if there is one.
    @usableFromInline
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
        }
    }

    /// Reads `type` from the bytes, which must hold exactly one JSON value.
    @inlinable
    public mutating func readDocument<Value: JSONReadable>(_ type: Value.Type) throws -> Value {
        let value = try Value(json: &self)
        skipWhitespace()
        guard index == bytes.count else {
            throw error("unexpected data after the JSON value")
        }
        return value
    }

    /// The byte offset of the next byte to read.
    public var offset: Int { index }

    // MARK: Objects

    /// Reads the `{` that opens an object.
    @inlinable
    public mutating func beginObject() throws {
        try open(UInt8(ascii: "{"), "an object")
    }

    /// Moves to the next member of the current object and reads its name and colon; `false`
    /// (after reading the `}`) when there are no more members.
    @inlinable
    public mutating func nextField() throws -> Bool {
        guard try nextItem(closing: UInt8(ascii: "}")) else { return false }
        guard bytes[index] == UInt8(ascii: "\"") else {
            throw error("expected a member name (a string), found \(found())")
        }
        let (start, end, escaped) = try scanString()
        keyStart = start
        keyEnd = end
        keyHasEscapes = escaped
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            throw error("expected ':' after a member name, found \(found())")
        }
        index += 1
        return true
    }

    /// Whether the current member is named `name`.
    ///
    /// Generated decoders ask this once per property and member, so it reads only the name's
    /// position: a call on an `inout` reader then copies nothing of the reader.
    @inlinable @inline(__always)
    public func fieldIs(_ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard !keyHasEscapes else {
            return Self.escapedName(bytes, keyStart..<keyEnd, is: name)
        }
        guard keyEnd - keyStart == count else { return false }
        let start = name.utf8Start
        for offset in 0..<count where bytes[keyStart + offset] != start[offset] {
            return false
        }
        return true
    }

    /// Whether the member name between quotes at `range`, which has escapes, reads `name`.
    @usableFromInline @inline(never)
    static func escapedName(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, is name: StaticString) -> Bool {
        name.withUTF8Buffer { unescapedName(bytes, range) == String(decoding: $0, as: UTF8.self) }
    }

    /// The member name between quotes at `range`, its escapes resolved.
    static func unescapedName(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var reader = JSONReader(bytes)
        reader.index = range.lowerBound - 1
        return (try? reader.readString()) ?? ""
    }

    /// The current member's name.
    public func fieldName() -> String {
        guard keyHasEscapes else {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart..<keyEnd]), as: UTF8.self)
        }
        return Self.unescapedName(bytes, keyStart..<keyEnd)
    }

    /// Reads the current member's value as `type`; an error inside it gets `key` in its pointer.
    @inlinable
    public mutating func decode<Value: JSONReadable>(_ type: Value.Type, at key: StaticString) throws -> Value {
        do {
            return try Value(json: &self)
        } catch let failure as JSONDecodingError {
            throw failure.inside(key.description)
        }
    }

    /// The value of a required member, or the error for its absence.
    @inlinable
    public func required<Value>(_ value: Value?, _ key: StaticString) throws -> Value {
        guard let value else {
            throw JSONDecodingError("required member '\(key)' is missing", offset: index)
        }
        return value
    }

    // MARK: Arrays

    /// Reads the `[` that opens an array.
    @inlinable
    public mutating func beginArray() throws {
        try open(UInt8(ascii: "["), "an array")
    }

    /// Moves to the next element of the current array; `false` (after reading the `]`) when
    /// there are no more.
    @inlinable
    public mutating func nextElement() throws -> Bool {
        try nextItem(closing: UInt8(ascii: "]"))
    }

    @usableFromInline
    mutating func open(_ bracket: UInt8, _ what: String) throws {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == bracket else {
            throw error("expected \(what), found \(found())")
        }
        guard depth < Self.maximumDepth else {
            throw error("objects and arrays are nested deeper than \(Self.maximumDepth) levels")
        }
        depth += 1
        index += 1
        atContainerStart = true
    }

    /// Past the comma before the next item, or past the closing bracket (`false`).
    @usableFromInline
    mutating func nextItem(closing: UInt8) throws -> Bool {
        skipWhitespace()
        guard index < bytes.count else {
            throw error("the document ends inside \(closing == UInt8(ascii: "}") ? "an object" : "an array")")
        }
        let byte = bytes[index]
        if byte == closing {
            index += 1
            depth -= 1
            atContainerStart = false
            return false
        }
        if atContainerStart {
            atContainerStart = false
        } else {
            guard byte == UInt8(ascii: ",") else {
                throw error("expected ',' or '\(Character(Unicode.Scalar(closing)))', found \(found())")
            }
            index += 1
            skipWhitespace()
            guard index < bytes.count else {
                throw error("the document ends after ','")
            }
        }
        return true
    }

    // MARK: Position

    @inlinable
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The next byte after white space, or the end-of-document error.
    @inlinable
    mutating func peek() throws -> UInt8 {
        skipWhitespace()
        guard index < bytes.count else {
            throw error("the document ends where a value was expected")
        }
        return bytes[index]
    }

    /// Whether the next value is `null`.
    @inlinable
    public mutating func nextIsNull() throws -> Bool {
        try peek() == UInt8(ascii: "n")
    }

    /// An error at the current position.
    @usableFromInline
    func error(_ message: String) -> JSONDecodingError {
        JSONDecodingError(message, offset: index)
    }

    /// What stands at the current position, for messages: `a string`, `'x'`, `the end`.
    @usableFromInline
    func found() -> String {
        guard index < bytes.count else { return "the end of the document" }
        switch bytes[index] {
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
        case UInt8(ascii: "n"): return "null"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "a number"
        case let byte where byte >= 0x21 && byte < 0x7F: return "'\(Character(Unicode.Scalar(byte)))'"
        case let byte: return "byte 0x\(String(byte, radix: 16))"
        }
    }
}
