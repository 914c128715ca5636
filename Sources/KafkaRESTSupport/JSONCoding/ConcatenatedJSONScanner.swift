import Foundation

/// Finds the JSON objects in a byte stream of objects written back to back (white space
/// between them or none), whatever the chunk boundaries, and hands each complete object's
/// bytes to the caller without copying it when it lies within one chunk.
///
/// ``feed(_:_:)`` tracks nesting and strings (with escapes) only and hands over each object's
/// bytes; ``read(_:as:into:)`` reads each object as a ``JSONReadable`` type where it lies, in
/// one pass. An object may be at most ``maximumObjectBytes`` long, so a server that never ends
/// one cannot fill memory.
///
/// ```swift
/// var scanner = ConcatenatedJSONScanner()
/// var reports: [ProduceResponse] = []
/// for try await chunk in body {
///     try scanner.read(chunk, as: ProduceResponse.self, into: &reports)
/// }
/// try scanner.finish()
/// ```
public struct ConcatenatedJSONScanner: Sendable {
    /// The default longest object: 1 MiB, far above any delivery report.
    public static let defaultMaximumObjectBytes = 1 << 20

    /// The longest object accepted, in bytes.
    public let maximumObjectBytes: Int
    /// The start of an object cut by a chunk boundary.
    private var pending: [UInt8] = []
    private var depth = 0
    private var inString = false
    private var escaped = false
    /// Bytes of the stream consumed before the current chunk.
    private var offset = 0

    /// Creates a scanner at the start of a stream.
    public init(maximumObjectBytes: Int = ConcatenatedJSONScanner.defaultMaximumObjectBytes) {
        self.maximumObjectBytes = maximumObjectBytes
    }

    /// Whether the stream so far ended between objects.
    public var isBetweenObjects: Bool { depth == 0 }

    /// Bytes of an incomplete object held until the rest arrives.
    public var bufferedBytes: Int { pending.count }

    /// Consumes the next chunk and calls `body` with each object it completes, in order.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/decoding`` when something
    ///   other than white space or `{` appears between objects, or an object grows past
    ///   ``maximumObjectBytes``; whatever `body` throws.
    public mutating func feed(
        _ chunk: some ContiguousBytes,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        try chunk.withUnsafeBytes { raw in
            let bytes = raw.assumingMemoryBound(to: UInt8.self)
            _ = try scan(bytes, body)
            offset += bytes.count
        }
    }

    /// Consumes the next chunk and reads each object it completes as `Value`, appending them
    /// to `values` in order: what ``feed(_:_:)`` and `Value(jsonBytes:)` do for each object, in
    /// one pass over the bytes.
    ///
    /// An object that lies within the chunk is read where it is, so its bytes are looked at
    /// once; only an object cut by a chunk boundary is scanned for its end and kept until the
    /// rest arrives, as ``feed(_:_:)`` keeps it.
    ///
    /// - Throws: What ``feed(_:_:)`` throws, or the ``JSONDecodingError`` of the first
    ///   complete object that cannot be read as `Value`; `values` then holds the objects before it.
    public mutating func read<Value: JSONReadable>(_ chunk: some ContiguousBytes, as type: Value.Type, into values: inout [Value]) throws {
        try chunk.withUnsafeBytes { raw in
            let bytes = raw.assumingMemoryBound(to: UInt8.self)
            var index = 0
            if depth > 0 {
                index = try scan(bytes, firstObjectOnly: true) { values.append(try Value(jsonBytes: $0)) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                    index += 1
                    continue
                }
                guard byte == UInt8(ascii: "{") else {
                    throw Self.malformed("expected a JSON object at byte \(offset + index) of the stream, found \(Self.describe(byte))")
                }
                var reader = JSONReader(UnsafeBufferPointer(rebasing: bytes[index...]))
                do {
                    let value = try Value(json: &reader)
                    try checkSize(reader.offset)
                    values.append(value)
                    index += reader.offset
                } catch {
                    // The object is cut by the end of the chunk (scanning keeps its start for
                    // the next one), or it is complete and unreadable (scanning finds its end).
                    index = try scan(bytes, from: index, firstObjectOnly: true) { _ in throw error }
                }
            }
            offset += bytes.count
        }
    }

    /// Scans `bytes` from `first` on, handing each object it completes to `body`, and keeps
    /// the start of an object the bytes cut; with `firstObjectOnly`, stops after the first
    /// object it completes.
    ///
    /// - Returns: The index of the first byte not scanned (`bytes.count` when all were).
    private mutating func scan(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from first: Int = 0,
        firstObjectOnly: Bool = false,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws -> Int {
        var start = depth > 0 ? first : -1
        var index = first
        while index < bytes.count {
            let byte = bytes[index]
            if depth == 0 {
                if byte == UInt8(ascii: "{") {
                    depth = 1
                    start = index
                } else if !(byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09) {
                    throw Self.malformed("expected a JSON object at byte \(offset + index) of the stream, found \(Self.describe(byte))")
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
                        let object = UnsafeBufferPointer(rebasing: bytes[start...index])
                        if pending.isEmpty {
                            try checkSize(object.count)
                            try body(object)
                        } else {
                            pending.append(contentsOf: object)
                            try checkSize(pending.count)
                            try pending.withUnsafeBufferPointer(body)
                            pending.removeAll(keepingCapacity: true)
                        }
                        start = -1
                        if firstObjectOnly { return index + 1 }
                    }
                default: break
                }
            }
            index += 1
        }
        if depth > 0 {
            let tail = UnsafeBufferPointer(rebasing: bytes[max(start, first)...])
            try checkSize(pending.count + tail.count)
            pending.append(contentsOf: tail)
        }
        return bytes.count
    }

    /// Checks that the stream ended between objects.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/decoding`` if an object was
    ///   left incomplete.
    public func finish() throws {
        guard depth == 0 else {
            throw Self.malformed("the stream ended inside a JSON object (\(pending.count) bytes of it received)")
        }
    }

    private func checkSize(_ count: Int) throws {
        guard count <= maximumObjectBytes else {
            throw Self.malformed("a JSON object in the stream is longer than the limit of \(maximumObjectBytes) bytes")
        }
    }

    private static func malformed(_ message: String) -> KafkaRESTError {
        KafkaRESTError(kind: .decoding, operationID: ProduceOperation.id, message: message)
    }

    private static func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }
}
