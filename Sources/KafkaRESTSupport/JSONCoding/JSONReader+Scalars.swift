extension JSONReader {
    // MARK: Literals

    /// Reads `null`.
    @inlinable
    public mutating func readNull() throws {
        guard try peek() == UInt8(ascii: "n") else { throw error("expected null, found \(found())") }
        try literal("null")
    }

    /// Reads `true` or `false`.
    @inlinable
    public mutating func readBool() throws -> Bool {
        switch try peek() {
        case UInt8(ascii: "t"):
            try literal("true")
            return true
        case UInt8(ascii: "f"):
            try literal("false")
            return false
        default:
            throw error("expected a boolean, found \(found())")
        }
    }

    @usableFromInline
    mutating func literal(_ text: StaticString) throws {
        let count = text.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw error("the document ends inside '\(text)'") }
        for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] {
            throw error("invalid literal: expected '\(text)'")
        }
        index += count
    }

    // MARK: Numbers

    /// Reads an integer: a JSON number whose value is a whole number that fits `Integer`
    /// (`1.0` and `1e3` included, as `JSONDecoder` reads them).
    @inlinable
    public mutating func readInteger<Integer: FixedWidthInteger>(_ type: Integer.Type = Integer.self) throws -> Integer {
        guard try peek() == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else {
            throw error("expected an integer, found \(found())")
        }
        let start = index
        let number = try scanNumber()
        if number.isPlainInteger, let magnitude = number.magnitude {
            if number.negative {
                if magnitude == 0 { return 0 }
                if Integer.isSigned, let below = Integer(exactly: magnitude - 1) {
                    return 0 - below - 1
                }
            } else if let value = Integer(exactly: magnitude) {
                return value
            }
        } else if let double = doubleValue(start..<index), let value = Integer(exactly: double) {
            return value
        }
        index = start
        throw error("the number \(numberText(start..<(start + number.length))) does not fit \(Integer.self)")
    }

    /// Reads any JSON number as a double (the nearest one).
    @inlinable
    public mutating func readDouble() throws -> Double {
        guard try peek() == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else {
            throw error("expected a number, found \(found())")
        }
        let start = index
        let number = try scanNumber()
        if number.isPlainInteger, let magnitude = number.magnitude, magnitude < 1 << 53 {
            let value = Double(magnitude)
            return number.negative ? -value : value
        }
        guard let value = doubleValue(start..<index), value.isFinite else {
            index = start
            throw error("the number \(numberText(start..<(start + number.length))) is too large for a double")
        }
        return value
    }

    /// A JSON number token: `JSONValue` reads whole numbers that fit `Int64` as integers.
    @usableFromInline
    mutating func readNumberValue() throws -> JSONValue {
        let start = index
        let number = try scanNumber()
        if number.isPlainInteger, let magnitude = number.magnitude {
            if !number.negative, magnitude <= UInt64(Int64.max) { return .integer(Int64(magnitude)) }
            if number.negative, magnitude <= UInt64(Int64.max) + 1 { return .integer(magnitude == 0 ? 0 : -Int64(magnitude - 1) - 1) }
        }
        guard let double = doubleValue(start..<index), double.isFinite else {
            index = start
            throw error("the number \(numberText(start..<(start + number.length))) is too large for a double")
        }
        if !number.isPlainInteger, double > -0x1p63, let integer = Int64(exactly: double) { return .integer(integer) }
        return .double(double)
    }

    /// What ``scanNumber()`` found.
    @usableFromInline
    struct NumberToken {
        @usableFromInline var negative = false
        /// Only digits (no fraction, no exponent).
        @usableFromInline var isPlainInteger = true
        /// The digits' value, `nil` on overflow or when not a plain integer.
        @usableFromInline var magnitude: UInt64? = 0
        @usableFromInline var length = 0

        @usableFromInline init() {}
    }

    /// Reads one number by the JSON grammar, `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    @usableFromInline
    mutating func scanNumber() throws -> NumberToken {
        var token = NumberToken()
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            token.negative = true
            index += 1
        }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw error("invalid number: expected a digit")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw error("invalid number: leading zero")
            }
        } else {
            var magnitude: UInt64? = 0
            while index < bytes.count, isDigit(bytes[index]) {
                if let current = magnitude {
                    let (times, overflow1) = current.multipliedReportingOverflow(by: 10)
                    let (sum, overflow2) = times.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
                    magnitude = overflow1 || overflow2 ? nil : sum
                }
                index += 1
            }
            token.magnitude = magnitude
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            token.isPlainInteger = false
            index += 1
            try digits("invalid number: expected a digit after '.'")
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            token.isPlainInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            try digits("invalid number: expected a digit in the exponent")
        }
        token.length = index - start
        return token
    }

    @usableFromInline
    mutating func digits(_ message: String) throws {
        guard index < bytes.count, isDigit(bytes[index]) else { throw error(message) }
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    @usableFromInline
    func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// The double nearest to the number text in `range`.
    @usableFromInline
    func doubleValue(_ range: Range<Int>) -> Double? {
        Double(numberText(range))
    }

    @usableFromInline
    func numberText(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    // MARK: Strings

    /// Reads a string.
    @inlinable
    public mutating func readString() throws -> String {
        guard try peek() == UInt8(ascii: "\"") else {
            throw error("expected a string, found \(found())")
        }
        let (start, end, escaped) = try scanString()
        if !escaped {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        var unescaped = [UInt8]()
        unescaped.reserveCapacity(end - start)
        try unescape(start..<end, into: &unescaped)
        // The scan checked the raw bytes' UTF-8 and escapes resolve to whole scalars.
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// Reads a string and hands its UTF-8 bytes (escapes resolved) to `body`, without making
    /// a `String` when it has no escapes.
    @inlinable
    public mutating func withStringBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) throws -> Result {
        guard try peek() == UInt8(ascii: "\"") else {
            throw error("expected a string, found \(found())")
        }
        let (start, end, escaped) = try scanString()
        if !escaped {
            return try body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        var unescaped = [UInt8]()
        try unescape(start..<end, into: &unescaped)
        return try unescaped.withUnsafeBufferPointer(body)
    }

    /// Moves past a string whose opening quote is at the position; returns where its content
    /// starts and ends and whether it holds escapes. Escapes and UTF-8 are checked.
    @usableFromInline
    mutating func scanString() throws -> (start: Int, end: Int, escaped: Bool) {
        index += 1
        let start = index
        var escaped = false
        var nonASCII = false
        // Eight bytes at a time up to the first byte to look at, then byte by byte from it.
        while bytes.count - index >= 8 {
            let marks = Self.bytesToLookAt(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
            guard marks == 0 else {
                index += marks.trailingZeroBitCount >> 3
                break
            }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let end = index
                index += 1
                if nonASCII, String(validating: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) == nil {
                    index = start - 1
                    throw error("the string is not valid UTF-8")
                }
                return (start, end, escaped)
            }
            if byte >= 0x80 {
                nonASCII = true
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 1
                guard index < bytes.count else { break }
                switch bytes[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    index += 1
                    guard bytes.count - index >= 4, hexValue(index) != nil else {
                        throw error("invalid \\u escape: expected four hexadecimal digits")
                    }
                    index += 4
                default:
                    throw error("invalid escape '\\\(Character(Unicode.Scalar(bytes[index])))'")
                }
                continue
            }
            if byte < 0x20 {
                throw error("control character 0x\(String(byte, radix: 16)) must be escaped in a string")
            }
            index += 1
        }
        throw error("the document ends inside a string")
    }

    /// The high bit of each of the eight bytes of `word` (read little-endian, so the lowest
    /// byte comes first) that may end a string or need a closer look: a quote, a backslash, a
    /// control character or a byte of a multi-byte UTF-8 sequence; zero when there is none.
    ///
    /// A borrow can also mark bytes after a byte that truly matches, never one before it, so
    /// the lowest mark is always the first byte to look at.
    @inlinable @inline(__always)
    static func bytesToLookAt(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let zeroQuote = (quotes &- ones) & ~quotes
        let zeroBackslash = (backslashes &- ones) & ~backslashes
        let control = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | control | word) & highBits
    }

    /// The value of the four hex digits at `position`.
    @usableFromInline
    func hexValue(_ position: Int) -> UInt16? {
        var value: UInt16 = 0
        for offset in 0..<4 {
            let byte = bytes[position + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// Appends the string content in `range` with its escapes resolved; a `\u` escape of a
    /// lone surrogate is an error.
    @usableFromInline
    func unescape(_ range: Range<Int>, into output: inout [UInt8]) throws {
        var position = range.lowerBound
        while position < range.upperBound {
            let byte = bytes[position]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                position += 1
                continue
            }
            let kind = bytes[position + 1]
            position += 2
            switch kind {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                let unit = hexValue(position)!
                position += 4
                var scalar = UInt32(unit)
                if (0xD800..<0xDC00).contains(unit) {
                    guard position + 6 <= range.upperBound, bytes[position] == UInt8(ascii: "\\"),
                          bytes[position + 1] == UInt8(ascii: "u"),
                          let low = hexValue(position + 2), (0xDC00..<0xE000).contains(low)
                    else {
                        throw JSONDecodingError("invalid \\u escape: a high surrogate without its low surrogate", offset: position - 6)
                    }
                    position += 6
                    scalar = 0x10000 + (UInt32(unit - 0xD800) << 10 | UInt32(low - 0xDC00))
                } else if (0xDC00..<0xE000).contains(unit) {
                    throw JSONDecodingError("invalid \\u escape: a low surrogate without a high surrogate", offset: position - 6)
                }
                output.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
            default: output.append(kind)
            }
        }
    }

    // MARK: Skipping

    /// Moves past one value of any kind, checking it as strictly as reading would.
    @inlinable
    public mutating func skipValue() throws {
        switch try peek() {
        case UInt8(ascii: "\""):
            let (start, end, escaped) = try scanString()
            if escaped {
                var unescaped = [UInt8]()
                try unescape(start..<end, into: &unescaped)
            }
        case UInt8(ascii: "{"):
            try beginObject()
            while try nextField() { try skipValue() }
        case UInt8(ascii: "["):
            try beginArray()
            while try nextElement() { try skipValue() }
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            _ = try readBool()
        case UInt8(ascii: "n"):
            try readNull()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            _ = try scanNumber()
        default:
            throw error("expected a value, found \(found())")
        }
    }
}
