import Foundation
import KafkaRESTSupport
import Testing

@Suite("Schema Registry wire format")
struct SchemaRegistryWireFormatTests {
    @Test("magic byte, big-endian id, then the data; read back the same")
    func roundTrip() throws {
        let framed = SchemaRegistryWireFormat.encode(schemaID: 0x0102_0304, payload: Data([9, 8, 7]))
        #expect([UInt8](framed) == [0, 1, 2, 3, 4, 9, 8, 7])
        let read = try SchemaRegistryWireFormat.decode(framed)
        #expect(read.schemaID == 0x0102_0304)
        #expect(read.payload == Data([9, 8, 7]))
        #expect(read.messageIndexes == nil)
    }

    @Test("Protobuf message indexes: [0] is one zero byte, other paths a zig-zag count and indexes")
    func protobufIndexes() throws {
        let first = SchemaRegistryWireFormat.encode(schemaID: 1, payload: Data([0xAA]), messageIndexes: [0])
        #expect([UInt8](first) == [0, 0, 0, 0, 1, 0, 0xAA])
        #expect(try SchemaRegistryWireFormat.decode(first, protobuf: true).messageIndexes == [0])

        let nested = SchemaRegistryWireFormat.encode(schemaID: 1, payload: Data([0xBB]), messageIndexes: [1, 70])
        #expect([UInt8](nested) == [0, 0, 0, 0, 1, 4, 2, 0x8C, 0x01, 0xBB])
        let read = try SchemaRegistryWireFormat.decode(nested, protobuf: true)
        #expect(read.messageIndexes == [1, 70])
        #expect(read.payload == Data([0xBB]))
    }

    @Test("data not in the wire format is refused saying what and where", arguments: [
        ([UInt8]([0, 0, 1]), "3 bytes are too few"),
        ([1, 0, 0, 0, 1, 5], "byte 0 is 1, not the magic byte 0"),
    ])
    func refused(bytes: [UInt8], expected: String) {
        let error = #expect(throws: KafkaRESTError.self) { try SchemaRegistryWireFormat.decode(Data(bytes)) }
        #expect(error?.kind == .decoding)
        #expect(error?.message.contains(expected) == true, "\(error?.message ?? "")")
    }

    @Test("Protobuf indexes that end early are refused at their byte")
    func truncatedIndexes() {
        let error = #expect(throws: KafkaRESTError.self) { try SchemaRegistryWireFormat.decode(Data([0, 0, 0, 0, 1, 0x80]), protobuf: true) }
        #expect(error?.message.contains("the varint at byte 5 ends early") == true, "\(error?.message ?? "")")
    }
}
