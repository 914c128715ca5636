import Foundation
import KafkaRESTSupport
import Testing

/// A model with an optional nullable property `a` and a required nullable property `b`,
/// coded the way generated models code them.
private struct Patch: Codable, Equatable {
    var a: Nullable<Int>?
    var b: String?

    enum CodingKeys: String, CodingKey {
        case a, b
    }

    init(a: Nullable<Int>?, b: String?) {
        self.a = a
        self.b = b
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        a = try container.decodeNullableIfPresent(Int.self, forKey: .a)
        b = try container.decodeNullable(String.self, forKey: .b)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeNullableIfPresent(a, forKey: .a)
        try container.encodeNullable(b, forKey: .b)
    }
}

@Suite struct NullableContainersTests {
    @Test func decodesAbsentNullAndValue() throws {
        #expect(try decodeJSON(Patch.self, #"{"b":"x"}"#) == Patch(a: nil, b: "x"))
        #expect(try decodeJSON(Patch.self, #"{"a":null,"b":null}"#) == Patch(a: .null, b: nil))
        #expect(try decodeJSON(Patch.self, #"{"a":5,"b":"y"}"#) == Patch(a: .value(5), b: "y"))
    }

    @Test func encodesAbsentNullAndValue() throws {
        #expect(try jsonText(Patch(a: nil, b: "x")) == #"{"b":"x"}"#)
        #expect(try jsonText(Patch(a: .null, b: nil)) == #"{"a":null,"b":null}"#)
        #expect(try jsonText(Patch(a: .value(5), b: "y")) == #"{"a":5,"b":"y"}"#)
    }

    @Test func requiredNullableKeyMustBePresent() throws {
        let error = try #require(throws: DecodingError.self) {
            try decodeJSON(Patch.self, #"{"a":1}"#)
        }
        guard case .keyNotFound(let key, _) = error else {
            Issue.record("expected keyNotFound, got \(error)")
            return
        }
        #expect(key.stringValue == "b")
    }

    @Test func wrongTypeIsStillAnError() throws {
        let error = try #require(throws: DecodingError.self) {
            try decodeJSON(Patch.self, #"{"a":"five","b":null}"#)
        }
        #expect(codingPath(of: error) == ["a"])
    }
}
