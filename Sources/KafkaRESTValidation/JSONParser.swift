import Foundation
import KafkaRESTSupport

/// A strict RFC 8259 JSON parser producing ``JSONValue``, with errors that say where parsing stopped.
///
/// Numbers follow ``JSONValue``'s rule: a whole number that fits in `Int64` (including `1.0` and
/// `1e3`) is an integer, any other number a double; a number too large for a `Double` is an error.
/// Objects keep the last of repeated keys. Nesting deeper than ``maximumDepth`` is an error, so
/// neither parsing nor validating can exhaust the stack. A leading UTF-8 byte order mark is skipped.
struct JSONParser {
    /// Why and where parsing stopped.
    struct Failure: Error, CustomStringConvertible {
        /// 1-based line.
        var line: Int
        /// 1-based column, in Unicode scalars.
        var column: Int
        /// What was expected.
        var reason: String

        var description: String { "invalid JSON at line \(line), column \(column): \(reason)" }
    }

    /// The deepest nesting of arrays and objects accepted.
    static let maximumDepth = 512

    /// Parses one JSON text.
    static func parse(_ data: Data) throws(Failure) -> JSONValue {
        var offsets: [String: Int]?
        return try parse(data, offsets: &offsets)
    }

    /// The byte offset where each value of `data` starts, by JSON pointer; `nil` if `data` is not JSON.
    static func offsets(in data: Data) -> [String: Int]? {
        var offsets: [String: Int]? = [:]
        guard (try? parse(data, offsets: &offsets)) != nil else { return nil }
        return offsets
    }

    private static func parse(_ data: Data, offsets: inout [String: Int]?) throws(Failure) -> JSONValue {
        let result: Result<JSONValue, Failure> = data.withUnsafeBytes { raw in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self), offsets: offsets)
            let result = Result { () throws(Failure) in try scanner.document() }
            offsets = scanner.offsets
            return result
        }
        return try result.get()
    }
}

extension JSONParser {
    /// The recursive-descent reader over the bytes.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Value start offsets by pointer, recorded only when non-nil.
        var offsets: [String: Int]?
        var index = 0
        var path: [PathToken] = []
        var depth = 0

        init(bytes: UnsafeBufferPointer<UInt8>, offsets: [String: Int]?) {
            self.bytes = bytes
            self.offsets = offsets
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        mutating func document() throws(Failure) -> JSONValue {
            skipWhitespace()
            let value = try value()
            skipWhitespace()
            guard index == bytes.count else { throw failure("unexpected \(found) after the value") }
            return value
        }

        private mutating func value() throws(Failure) -> JSONValue {
            guard index < bytes.count else { throw failure("unexpected end of input, expected a value") }
            if offsets != nil { offsets?[JSONPointer.string(path)] = index }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object()
            case UInt8(ascii: "["): return try array()
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw failure("unexpected \(found), expected a value")
            }
        }

        private mutating func object() throws(Failure) -> JSONValue {
            try enterContainer()
            var members: [String: JSONValue] = [:]
            skipWhitespace()
            if consume("}") { return leaveContainer(.object(members)) }
            repeat {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw failure("unexpected \(found), expected a string key")
                }
                let key = try string()
                skipWhitespace()
                guard consume(":") else { throw failure("unexpected \(found), expected ':' after an object key") }
                skipWhitespace()
                path.append(.key(key))
                members[key] = try value()
                path.removeLast()
                skipWhitespace()
            } while consume(",")
            guard consume("}") else { throw failure("unexpected \(found), expected ',' or '}' in an object") }
            return leaveContainer(.object(members))
        }

        private mutating func array() throws(Failure) -> JSONValue {
            try enterContainer()
            var elements: [JSONValue] = []
            skipWhitespace()
            if consume("]") { return leaveContainer(.array(elements)) }
            repeat {
                skipWhitespace()
                path.append(.index(elements.count))
                elements.append(try value())
                path.removeLast()
                skipWhitespace()
            } while consume(",")
            guard consume("]") else { throw failure("unexpected \(found), expected ',' or ']' in an array") }
            return leaveContainer(.array(elements))
        }

        private mutating func enterContainer() throws(Failure) {
            depth += 1
            guard depth <= JSONParser.maximumDepth else {
                throw failure("arrays and objects are nested deeper than \(JSONParser.maximumDepth) levels")
            }
            index += 1
        }

        private mutating func leaveContainer(_ value: JSONValue) -> JSONValue {
            depth -= 1
            return value
        }

        private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(Failure) -> JSONValue {
            let text = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            guard bytes.count - index >= text.count, bytes[index..<index + text.count].elementsEqual(text) else {
                throw failure("unexpected \(found), expected a value")
            }
            index += text.count
            return value
        }

        private mutating func number() throws(Failure) -> JSONValue {
            let start = index
            _ = consume("-")
            if !consume("0") {
                guard digits() > 0 else { throw failure("unexpected \(found), expected a digit") }
            }
            var whole = true
            if consume(".") {
                whole = false
                guard digits() > 0 else { throw failure("unexpected \(found), expected a digit after '.'") }
            }
            if consume("e") || consume("E") {
                whole = false
                if !consume("+") { _ = consume("-") }
                guard digits() > 0 else { throw failure("unexpected \(found), expected a digit in the exponent") }
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if whole, let integer = Int64(text) { return .integer(integer) }
            guard let double = Double(text), double.isFinite else {
                index = start
                throw failure("number \(text) is too large")
            }
            if let integer = Int64(exactly: double) { return .integer(integer) }
            return .double(double)
        }

        private mutating func digits() -> Int {
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - start
        }

        /// A string starting at the opening quote.
        private mutating func string() throws(Failure) -> String {
            let start = index
            index += 1
            var buffer: [UInt8] = []
            var escaped = false
            var runStart = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let run = bytes[runStart..<index]
                    index += 1
                    guard escaped else { return try validUTF8(run, start: start) }
                    buffer.append(contentsOf: run)
                    return try validUTF8(buffer, start: start)
                }
                if byte < 0x20 { throw failure("control character U+\(hex(byte)) must be escaped in a string") }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    buffer.append(contentsOf: bytes[runStart..<index])
                    try escape(into: &buffer)
                    runStart = index
                } else {
                    index += 1
                }
            }
            index = start
            throw failure("string is not closed")
        }

        /// One escape sequence starting at the backslash, appended as UTF-8.
        private mutating func escape(into buffer: inout [UInt8]) throws(Failure) {
            index += 1
            guard index < bytes.count else { throw failure("unexpected end of input in an escape") }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                var scalarValue = try hexQuad()
                if (0xD800..<0xDC00).contains(scalarValue) {
                    guard consume("\\"), consume("u") else { throw failure("unpaired surrogate in a \\u escape") }
                    let low = try hexQuad()
                    guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate in a \\u escape") }
                    scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(scalarValue) else { throw failure("unpaired surrogate in a \\u escape") }
                buffer.append(contentsOf: String(Character(scalar)).utf8)
            default:
                index -= 1
                throw failure("unexpected \(found) after '\\' in a string")
            }
        }

        private mutating func hexQuad() throws(Failure) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard index < bytes.count, let digit = hexDigit(bytes[index]) else {
                    throw failure("unexpected \(found), expected four hex digits after \\u")
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }

        private func hexDigit(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }

        private func validUTF8<Bytes: Collection<UInt8>>(_ utf8: Bytes, start: Int) throws(Failure) -> String {
            guard let string = String(validating: utf8, as: UTF8.self) else {
                throw Failure(at: start, in: bytes, reason: "string is not valid UTF-8")
            }
            return string
        }

        private mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        private mutating func consume(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        /// The byte at the current position, described for a message.
        private var found: String {
            guard index < bytes.count else { return "end of input" }
            let byte = bytes[index]
            return (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(hex(byte))"
        }

        private func hex(_ byte: UInt8) -> String {
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }

        private func failure(_ reason: String) -> Failure {
            Failure(at: index, in: bytes, reason: reason)
        }
    }
}

extension JSONParser.Failure {
    /// A failure at byte `offset` of `bytes`, with its line and column worked out.
    fileprivate init(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>, reason: String) {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.init(line: line, column: column, reason: reason)
    }
}
