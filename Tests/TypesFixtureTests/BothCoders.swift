import Foundation
import KafkaRESTSupport
import Testing

/// Reads JSON with both decoders and writes the value with both encoders, checking that the
/// two paths agree with each other and that what is written reads back to the same value.
enum BothCoders {
    /// The value read from `json`; both decoders must read it, equally.
    static func read<T: Codable & JSONReadable & JSONWritable & Hashable>(_ type: T.Type, _ json: String) throws -> T {
        let bytes = Data(json.utf8)
        let viaCodable = try JSONDecoder().decode(T.self, from: bytes)
        let viaReader = try T(jsonBytes: bytes)
        #expect(viaReader == viaCodable, "the byte-level reader and JSONDecoder read \(json) differently")
        return viaCodable
    }

    /// The JSON both encoders write for `value` (they must write the same JSON value), after
    /// checking that it reads back equal through both decoders.
    static func written<T: Codable & JSONReadable & JSONWritable & Hashable>(_ value: T) throws -> JSONValue {
        let viaWriter = value.jsonData()
        let viaEncoder = try JSONEncoder().encode(value)
        let written = try JSONDecoder().decode(JSONValue.self, from: viaWriter)
        #expect(try JSONDecoder().decode(JSONValue.self, from: viaEncoder) == written)
        #expect(try T(jsonBytes: viaWriter) == value)
        #expect(try JSONDecoder().decode(T.self, from: viaEncoder) == value)
        return written
    }

    /// Reads `json`, writes it back, and expects the same JSON value; returns what was read.
    @discardableResult
    static func roundTrip<T: Codable & JSONReadable & JSONWritable & Hashable>(_ type: T.Type, _ json: String) throws -> T {
        let value = try read(type, json)
        #expect(try written(value) == JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)), "\(json) does not survive a round trip")
        return value
    }

    /// Expects both decoders to refuse `json`.
    static func refuse<T: Codable & JSONReadable>(_ type: T.Type, _ json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(T.self, from: Data(json.utf8)) }
        #expect(throws: JSONDecodingError.self) { try T(jsonBytes: Data(json.utf8)) }
    }
}
