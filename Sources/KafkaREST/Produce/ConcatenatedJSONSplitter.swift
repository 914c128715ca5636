import Foundation

/// Splits a byte stream of JSON objects written back to back (whitespace between them or
/// none) into one `Data` per complete object, whatever the chunk boundaries.
///
/// It tracks nesting and strings (with escapes) only; it does not validate the objects,
/// which the caller decodes.
///
/// ```swift
/// var splitter = ConcatenatedJSONSplitter()
/// for try await chunk in body {
///     for object in try splitter.feed(chunk) { … }
/// }
/// try splitter.finish()
/// ```
public struct ConcatenatedJSONSplitter: Sendable {
    private var current = Data()
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var offset = 0

    /// Creates a splitter at the start of a stream.
    public init() {}

    /// Consumes the next chunk and returns the objects it completes, in order.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/decoding`` when something
    ///   other than whitespace or `{` appears between objects.
    public mutating func feed(_ chunk: Data) throws -> [Data] {
        var objects: [Data] = []
        var start = chunk.startIndex
        var index = chunk.startIndex
        while index < chunk.endIndex {
            let byte = chunk[index]
            if depth == 0 {
                if byte == UInt8(ascii: "{") {
                    depth = 1
                    start = index
                } else if !Self.isWhitespace(byte) {
                    throw KafkaRESTError(
                        kind: .decoding,
                        operationID: "produceRecord",
                        message: "expected a JSON object at byte \(offset) of the stream, found \(Self.describe(byte))"
                    )
                }
            } else if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        current.append(chunk[start...index])
                        objects.append(current)
                        current = Data()
                    }
                default: break
                }
            }
            index += 1
            offset += 1
        }
        if depth > 0 {
            current.append(chunk[start..<chunk.endIndex])
        }
        return objects
    }

    /// Checks that the stream ended between objects.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/decoding`` if an object was
    ///   left incomplete.
    public func finish() throws {
        guard depth == 0 else {
            throw KafkaRESTError(
                kind: .decoding,
                operationID: "produceRecord",
                message: "the stream ended inside a JSON object (\(current.count) bytes of it received)"
            )
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private static func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }
}
