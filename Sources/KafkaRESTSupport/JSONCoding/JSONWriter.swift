/// Writes JSON straight into a growable byte buffer: the encoder behind ``JSONWritable``.
///
/// Objects and arrays need no bookkeeping: ``field(_:_:)`` and ``element(_:)`` write a comma
/// unless the value opens its container. Strings are escaped as RFC 8259 requires (`"`, `\`
/// and control characters; `/` and non-ASCII text are written as they are). Doubles use
/// Swift's shortest round-tripping form; a NaN or infinite double, which JSON cannot carry,
/// is written as `null` and noted in ``wroteNonFiniteNumber``, so that a caller sending the
/// bytes can refuse them as `JSONEncoder` refuses such a value.
public struct JSONWriter {
    /// The bytes written so far.
    public var bytes: [UInt8]
    /// Whether a NaN or infinite double was written (as `null`).
    public var wroteNonFiniteNumber = false

    /// Creates an empty writer with room for `capacity` bytes.
    @inlinable
    public init(reservingCapacity capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    // MARK: Containers

    /// Writes `{`.
    @inlinable
    public mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
    }

    /// Writes `}`.
    @inlinable
    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
    }

    /// Writes `[`.
    @inlinable
    public mutating func beginArray() {
        bytes.append(UInt8(ascii: "["))
    }

    /// Writes `]`.
    @inlinable
    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes one object member. `key` is the member's name already in JSON form with its
    /// quotes and colon (`"partition_id":`), as generated code spells it.
    @inlinable
    public mutating func field<Value: JSONWritable>(_ key: StaticString, _ value: Value) {
        separate()
        append(key)
        value.writeJSON(to: &self)
    }

    /// Writes one object member whose name is only known at run time.
    @inlinable
    public mutating func field<Value: JSONWritable>(named key: String, _ value: Value) {
        separate()
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
        value.writeJSON(to: &self)
    }

    /// Writes one array element.
    @inlinable
    public mutating func element<Value: JSONWritable>(_ value: Value) {
        separate()
        value.writeJSON(to: &self)
    }

    /// A comma, unless the last byte opened an object or array.
    @inlinable
    mutating func separate() {
        if let last = bytes.last, last != UInt8(ascii: "{"), last != UInt8(ascii: "[") {
            bytes.append(UInt8(ascii: ","))
        }
    }

    // MARK: Scalars

    /// Appends the bytes of `text` unchanged: JSON the caller has already formed.
    @inlinable
    public mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends bytes unchanged: JSON the caller has already formed.
    @inlinable
    public mutating func appendRaw(_ raw: some Sequence<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    /// Writes `null`.
    @inlinable
    public mutating func writeNull() {
        append("null")
    }

    /// Writes `true` or `false`.
    @inlinable
    public mutating func writeBool(_ value: Bool) {
        if value { append("true") } else { append("false") }
    }

    /// Writes an integer in decimal.
    @inlinable
    public mutating func writeInteger<Integer: FixedWidthInteger>(_ value: Integer) {
        var magnitude = UInt64(truncatingIfNeeded: value.magnitude)
        // Digits from the last, on the stack, then one append: a sign and 20 digits at most.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { text in
            var start = text.count
            repeat {
                start -= 1
                text[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                start -= 1
                text[start] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
        }
    }

    /// Writes a double in its shortest round-tripping form, or `null` (noted in
    /// ``wroteNonFiniteNumber``) when it is not finite.
    @inlinable
    public mutating func writeDouble(_ value: Double) {
        guard value.isFinite else {
            wroteNonFiniteNumber = true
            writeNull()
            return
        }
        var text = value.description
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Writes a string with its quotes, escaping what JSON requires.
    @inlinable
    public mutating func writeString(_ value: String) {
        var value = value
        value.withUTF8 { writeString(utf8: $0) }
    }

    /// Writes UTF-8 bytes as a JSON string with its quotes, escaping what JSON requires.
    @usableFromInline
    mutating func writeString(utf8 text: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        for index in text.indices {
            let byte = text[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < index {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            }
            appendEscape(byte)
            runStart = index + 1
        }
        if runStart < text.count {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The escape sequence of one byte that may not stand in a JSON string.
    @usableFromInline
    mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
    }

    @usableFromInline static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Writes bytes as a padded standard base64 string with its quotes.
    @inlinable
    public mutating func writeBase64<Bytes: Collection>(_ data: Bytes) where Bytes.Element == UInt8 {
        bytes.append(UInt8(ascii: "\""))
        Base64Alphabet.encode(data, into: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }
}
