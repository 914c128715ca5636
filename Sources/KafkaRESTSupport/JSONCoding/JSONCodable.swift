import Foundation

/// A value that writes itself as JSON bytes with a ``JSONWriter``, without `Encoder`.
///
/// Every generated model conforms, next to its `Codable` conformance; both write the same JSON
/// value (the byte-level path is the one the client uses on its hot paths).
public protocol JSONWritable {
    /// Appends the value's JSON form to `writer`.
    func writeJSON(to writer: inout JSONWriter)
}

/// A value that reads itself from JSON bytes with a ``JSONReader``, without `Decoder`.
///
/// Every generated model conforms, next to its `Codable` conformance; both accept the same
/// documents and give equal values. Unknown object keys are skipped.
public protocol JSONReadable {
    /// Reads one JSON value at the reader's position.
    ///
    /// - Throws: ``JSONDecodingError`` with the JSON pointer of the bad value.
    init(json reader: inout JSONReader) throws
}

/// A value with both byte-level JSON coders.
public typealias JSONCodable = JSONReadable & JSONWritable

extension JSONWritable {
    /// The value's JSON bytes.
    @inlinable
    public func jsonBytes(reservingCapacity capacity: Int = 128) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: capacity)
        writeJSON(to: &writer)
        return writer.bytes
    }

    /// The value's JSON bytes as `Data`.
    @inlinable
    public func jsonData(reservingCapacity capacity: Int = 128) -> Data {
        Data(jsonBytes(reservingCapacity: capacity))
    }
}

extension JSONReadable {
    /// Reads one JSON document: the value, with nothing but white space after it.
    ///
    /// - Throws: ``JSONDecodingError`` with the JSON pointer and byte offset of the problem.
    @inlinable
    public init(jsonBytes bytes: some ContiguousBytes) throws {
        self = try bytes.withUnsafeBytes { raw in
            var reader = JSONReader(raw.assumingMemoryBound(to: UInt8.self))
            return try reader.readDocument(Self.self)
        }
    }
}
