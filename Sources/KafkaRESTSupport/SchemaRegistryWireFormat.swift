import Foundation

/// Schema Registry's wire format, for sending schema-serialized bytes as a `BINARY` payload
/// (Confluent Cloud users who cannot use schema types over REST do this): a magic byte 0, the
/// schema id as 4 bytes big-endian, then the serialized data; for Protobuf the data starts
/// with the message indexes of the message type within its schema.
///
/// ```swift
/// let bytes = SchemaRegistryWireFormat.encode(schemaID: 100_042, payload: avroBytes)
/// let record = KafkaRecord(value: .binary(bytes))
/// ```
public enum SchemaRegistryWireFormat {
    /// The magic byte that starts every framed payload.
    public static let magicByte: UInt8 = 0
    /// The bytes before the data: the magic byte and the schema id.
    public static let headerSize = 5

    /// A framed payload, taken apart.
    public struct Framed: Sendable, Hashable {
        /// The Schema Registry id of the schema.
        public var schemaID: UInt32
        /// The serialized data after the header (for Protobuf, after the message indexes).
        public var payload: Data
        /// The Protobuf message indexes, when read with `protobuf: true`.
        public var messageIndexes: [Int]?
    }

    /// Frames `payload`, serialized with the schema `schemaID`; `messageIndexes` (Protobuf
    /// only) locate the message type in its schema: `[0]`, the first top-level message, is
    /// written as the single byte 0, other paths as a zig-zag varint count and indexes.
    public static func encode(schemaID: UInt32, payload: Data, messageIndexes: [Int]? = nil) -> Data {
        var bytes = Data([magicByte])
        withUnsafeBytes(of: schemaID.bigEndian) { bytes.append(contentsOf: $0) }
        if let messageIndexes {
            if messageIndexes == [0] {
                bytes.append(0)
            } else {
                appendVarint(zigZag(messageIndexes.count), to: &bytes)
                for index in messageIndexes {
                    appendVarint(zigZag(index), to: &bytes)
                }
            }
        }
        bytes.append(payload)
        return bytes
    }

    /// Takes a framed payload apart; with `protobuf`, the message indexes are read too.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/decoding`` saying what is
    ///   wrong and at which byte: too short, a magic byte other than 0, or message indexes
    ///   that end early or overflow.
    public static func decode(_ data: Data, protobuf: Bool = false) throws -> Framed {
        let bytes = [UInt8](data)
        guard bytes.count >= headerSize else {
            throw failure("\(bytes.count) bytes are too few for the 5-byte header (magic byte and schema id)")
        }
        guard bytes[0] == magicByte else {
            throw failure("byte 0 is \(bytes[0]), not the magic byte 0: the data is not in the Schema Registry wire format")
        }
        let schemaID = bytes[1..<5].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        var position = headerSize
        var indexes: [Int]?
        if protobuf {
            let count = unZigZag(try readVarint(bytes, at: &position))
            guard count >= 0, count <= bytes.count - position else {
                throw failure("the message index count \(count) at byte \(headerSize) does not fit the data")
            }
            indexes = count == 0 ? [0] : try (0..<count).map { _ in unZigZag(try readVarint(bytes, at: &position)) }
        }
        return Framed(schemaID: schemaID, payload: Data(bytes[position...]), messageIndexes: indexes)
    }

    private static func zigZag(_ value: Int) -> UInt64 {
        UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
    }

    private static func unZigZag(_ value: UInt64) -> Int {
        Int(Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1))))
    }

    private static func appendVarint(_ value: UInt64, to bytes: inout Data) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    private static func readVarint(_ bytes: [UInt8], at position: inout Int) throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            guard shift < 64 else { break }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        throw failure("the varint at byte \(start) ends early or is longer than 64 bits")
    }

    private static func failure(_ message: String) -> KafkaRESTError {
        KafkaRESTError(kind: .decoding, message: "not a Schema Registry framed payload: \(message)")
    }
}
