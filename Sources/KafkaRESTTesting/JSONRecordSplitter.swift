import Foundation

/// Cuts a byte stream of JSON objects written back to back (optionally separated by
/// whitespace) into one `Data` per object, as bytes arrive.
///
/// It only tracks nesting and strings; each piece still has to be parsed as JSON.
struct JSONRecordSplitter {
    /// The stream holds something other than JSON objects.
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    private var current = Data()
    private var depth = 0
    private var inString = false
    private var escaped = false

    /// Feeds the next bytes and returns the objects they complete, in order.
    ///
    /// - Throws: ``Malformed`` if a top-level value is not an object or a bracket does not match.
    mutating func feed(_ bytes: some Sequence<UInt8>) throws -> [Data] {
        var complete: [Data] = []
        for byte in bytes {
            if depth == 0 {
                if Self.isWhitespace(byte) { continue }
                guard byte == UInt8(ascii: "{") else {
                    throw Malformed(description: "expected a JSON object, found '\(Character(Unicode.Scalar(byte)))'")
                }
            }
            current.append(byte)
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 {
                    complete.append(current)
                    current = Data()
                }
            default:
                break
            }
        }
        return complete
    }

    /// Checks that the stream ended between objects.
    ///
    /// - Throws: ``Malformed`` if an object was cut off.
    func finish() throws {
        guard current.isEmpty else {
            throw Malformed(description: "the body ends inside a JSON object")
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
    }
}
