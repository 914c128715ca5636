import FuzzSupport
import Foundation
@testable import KafkaREST
import Testing

/// The produce paths write a record's request object straight from the record; it must be
/// byte for byte what the generated `ProduceRequest` writes.
@Suite("Produce: a record's request JSON")
struct KafkaRecordRequestJSONTests {
    static let selectors: [SchemaSelector] = [
        .id(100_001), .subject("orders-value", version: 3), .subject("orders-value", version: nil),
        .latest(subject: "s"), .strategy(.topicName), .strategy(.recordName, version: 2),
        .inline(#"{"type":"string"}"#), .inline("syntax = \"proto3\";", subject: "p"),
    ]

    static let payloads: [Payload] = [
        .binary(Data()), .binary(Data([0, 1, 2, 0xFF])), .binary(Data("order-7".utf8)),
        .string(""), .string("plain"), .string("quote \" backslash \\ newline \n tab \t nul \u{0} é 😀 \u{7F}"),
        .json(.null), .json(true), .json(12.5), .json(.integer(-9_223_372_036_854_775_808)),
        .json(["total": 12.5, "items": [1, 2, 3], "note": "gift \"wrap\"", "nested": ["a": [["b": .null]]]]),
    ] + selectors.flatMap { selector in
        [Payload.avro(["id": 1], schema: selector), .jsonSchema(["n": "x"], schema: selector), .protobuf([:], schema: selector)]
    }

    static let headerSets: [[KafkaRecord.Header]] = [
        [],
        [.init(name: "trace", value: Data("abc".utf8))],
        [.init(name: "empty", value: Data()), .init(name: "none", value: nil), .init(name: "dup \"q\"", string: "v"), .init(name: "dup \"q\"", value: Data([0xFF]))],
    ]

    @Test("every payload kind, with and without the other members")
    func everyKind() {
        for payload in Self.payloads {
            expectSameBytes(KafkaRecord(value: payload))
            expectSameBytes(KafkaRecord(key: payload))
            expectSameBytes(KafkaRecord(key: .string("k"), value: payload, headers: Self.headerSets[2], partition: 7, timestamp: Date(timeIntervalSince1970: 1_764_000_000.123)))
        }
        for headers in Self.headerSets {
            expectSameBytes(KafkaRecord(headers: headers))
        }
        expectSameBytes(KafkaRecord())
        expectSameBytes(KafkaRecord(partition: -1, timestamp: Date(timeIntervalSince1970: -1.5)))
    }

    @Test("records put together at random")
    func randomRecords() {
        for index in 0..<2_000 {
            var random = SeededGenerator(seed: FuzzBudget.defaultSeed, index: index)
            func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }
            let record = KafkaRecord(
                key: Bool.random(using: &random) ? pick(Self.payloads) : nil,
                value: Bool.random(using: &random) ? pick(Self.payloads) : nil,
                headers: pick(Self.headerSets),
                partition: Bool.random(using: &random) ? Int32.random(in: 0...1000, using: &random) : nil,
                timestamp: Bool.random(using: &random) ? Date(timeIntervalSince1970: Double(Int.random(in: 0...2_000_000_000_000, using: &random)) / 1000) : nil
            )
            expectSameBytes(record)
        }
    }

    @Test("a NaN in a record fails the record and leaves the writer as it was")
    func nonFinite() throws {
        var writer = JSONWriter()
        try ConcatenatedJSONEncoder.append(KafkaRecord(value: .string("first")), to: &writer)
        let before = writer.bytes
        #expect(throws: KafkaRESTError.self) {
            try ConcatenatedJSONEncoder.append(KafkaRecord(value: .json(["x": .double(.nan)])), to: &writer)
        }
        #expect(writer.bytes == before)
        #expect(!writer.wroteNonFiniteNumber)
    }

    private func expectSameBytes(_ record: KafkaRecord, sourceLocation: SourceLocation = #_sourceLocation) {
        var writer = JSONWriter()
        record.writeRequestJSON(to: &writer)
        let expected = record.produceRequest.jsonBytes()
        #expect(
            String(decoding: writer.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
            "\(record)",
            sourceLocation: sourceLocation
        )
        #expect(writer.bytes == expected, sourceLocation: sourceLocation)
    }
}
