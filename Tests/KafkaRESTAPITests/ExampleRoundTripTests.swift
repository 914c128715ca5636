import Foundation
import KafkaRESTGenerator
import KafkaRESTAPI
import KafkaRESTSupport
import Testing

/// Every example in spec/ decodes into its generated type, and encoding that
/// value gives the same JSON back.
@Suite("Examples of spec/ round-trip through the generated types")
struct ExampleRoundTripTests {
    static let collected = Result { try SpecExamples.repository() }

    @Test func everyJSONExampleHasANamedSchema() throws {
        let (examples, unnamed) = try Self.collected.get()
        #expect(unnamed.isEmpty, "examples whose schema is inline cannot be checked: \(unnamed)")
        #expect(examples.count >= 50, "only \(examples.count) examples found")
    }

    @Test(arguments: try Self.collected.get().examples)
    func exampleRoundTrips(_ example: SpecExample) throws {
        let type = try #require(SchemaRegistry.types[example.schemaName], "no generated type for \(example.schemaName)")
        let value = try Self.decode(type, from: example.json)
        let encoded = try JSONEncoder().encode(value)
        let original = try JSONDecoder().decode(JSONValue.self, from: example.json)
        let again = try JSONDecoder().decode(JSONValue.self, from: encoded)
        #expect(Self.sameJSON(original, again), "re-encoded differs:\n\(String(decoding: encoded, as: UTF8.self))")
    }

    private static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> any Encodable {
        try JSONDecoder().decode(type, from: data) as! any Encodable
    }

    /// JSON equality where a date-time written without fractional seconds
    /// equals the same instant written with `.000`.
    static func sameJSON(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)):
            if x == y { return true }
            guard let dx = DateTimeCoding.date(from: x), let dy = DateTimeCoding.date(from: y) else { return false }
            return dx == dy
        case let (.integer(x), .double(y)), let (.double(y), .integer(x)):
            return Double(x) == y
        case let (.array(x), .array(y)):
            return x.count == y.count && zip(x, y).allSatisfy { sameJSON($0, $1) }
        case let (.object(x), .object(y)):
            return x.keys == y.keys && x.allSatisfy { key, value in sameJSON(value, y[key]!) }
        default:
            return a == b
        }
    }
}
