import Foundation
import KafkaRESTAPI
import KafkaRESTGenerator
import KafkaRESTSupport
import Testing

/// The byte-level coders of every generated type agree with its `Codable` conformance on
/// every example of spec/.
@Suite("Byte-level coders agree with Codable")
struct FastCoderAgreementTests {
    @Test(arguments: try ExampleRoundTripTests.collected.get().examples)
    func exampleReadsAndWritesAlike(_ example: SpecExample) throws {
        let type = try #require(SchemaRegistry.types[example.schemaName], "no generated type for \(example.schemaName)")
        try Self.check(type, example.json)
    }

    @Test func unknownOpenEnumValuesSurviveByteForByte() throws {
        let text = #"{"kind":"KafkaAcl","metadata":{"self":"s"},"cluster_id":"c","resource_type":"TOPIC","resource_name":"r","pattern_type":"NEW_PATTERN\u00e9","principal":"User:a","host":"*","operation":"FUTURE_OP","permission":"ALLOW"}"#
        let value = try AclData(jsonBytes: Array(text.utf8))
        #expect(value.patternType.rawValue == "NEW_PATTERNé")
        let written = String(decoding: value.jsonBytes(), as: UTF8.self)
        #expect(written.contains(#""pattern_type":"NEW_PATTERNé""#))
        #expect(written.contains(#""operation":"FUTURE_OP""#))
    }

    @Test func missingRequiredMemberIsNamedWithItsPointer() throws {
        let error = try #require(throws: JSONDecodingError.self) { try ProduceResponse(jsonBytes: Array(#"{"message":"m"}"#.utf8)) }
        #expect(error.message == "required member 'error_code' is missing")
        let nested = try #require(throws: JSONDecodingError.self) { try [ProduceResponse](jsonBytes: Array(#"[{"error_code":200},{"error_code":"x"}]"#.utf8)) }
        #expect(nested.pointer == "/1/error_code")
    }

    @Test func theFirstOfRepeatedMembersCountsEvenWhenItIsNull() throws {
        for text in [#"{"failures":null,"failures":1.5}"#, #"{"failures":null,"failures":[]}"#] {
            let bytes = Data(text.utf8)
            let viaCodable = try JSONDecoder().decode(ProduceBatchResponse.self, from: bytes)
            #expect(try ProduceBatchResponse(jsonBytes: bytes) == viaCodable)
            #expect(viaCodable.failures == nil)
        }
    }

    private static func check<T: Codable & JSONReadable & JSONWritable & Hashable>(_ type: T.Type, _ json: Data) throws {
        let viaCodable = try JSONDecoder().decode(T.self, from: json)
        let viaReader = try T(jsonBytes: json)
        #expect(viaReader == viaCodable)
        let written = viaCodable.jsonData()
        #expect(try JSONDecoder().decode(T.self, from: written) == viaCodable, "\(String(decoding: written, as: UTF8.self))")
        #expect(try T(jsonBytes: written) == viaCodable)
        let original = try JSONDecoder().decode(JSONValue.self, from: json)
        let again = try JSONDecoder().decode(JSONValue.self, from: written)
        #expect(ExampleRoundTripTests.sameJSON(original, again), "written differs:\n\(String(decoding: written, as: UTF8.self))")
    }

    private static func check(_ type: any (Codable & JSONReadable & JSONWritable & Sendable).Type, _ json: Data) throws {
        guard let hashable = type as? any (Codable & JSONReadable & JSONWritable & Hashable).Type else {
            Issue.record("\(type) is not Hashable")
            return
        }
        try check(hashable, json)
    }
}
