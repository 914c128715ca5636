import Foundation
import KafkaRESTSupport
import Testing

@Suite("ConcatenatedJSONScanner")
struct ConcatenatedJSONScannerTests {
    private static let text = #"{"a":"} { \"x"} {"b":[1,{"c":"]"}]}{}"#

    private func objects(_ chunks: [[UInt8]], limit: Int = 1 << 20) throws -> [String] {
        var scanner = ConcatenatedJSONScanner(maximumObjectBytes: limit)
        var found: [String] = []
        for chunk in chunks {
            try scanner.feed(chunk) { found.append(String(decoding: $0, as: UTF8.self)) }
        }
        try scanner.finish()
        return found
    }

    @Test func findsTheSameObjectsWhereverTheChunksAreCut() throws {
        let bytes = Array(Self.text.utf8)
        let expected = [#"{"a":"} { \"x"}"#, #"{"b":[1,{"c":"]"}]}"#, "{}"]
        #expect(try objects([bytes]) == expected)
        for cut in 0...bytes.count {
            for second in cut...bytes.count {
                #expect(try objects([Array(bytes[..<cut]), Array(bytes[cut..<second]), Array(bytes[second...])]) == expected)
            }
        }
    }

    @Test func refusesAnObjectLongerThanTheLimit() throws {
        var scanner = ConcatenatedJSONScanner(maximumObjectBytes: 1000)
        let filler = [UInt8](repeating: UInt8(ascii: "a"), count: 300)
        try scanner.feed(Array(#"{"m":""#.utf8)) { _ in }
        #expect(throws: KafkaRESTError.self) {
            for _ in 0..<4 { try scanner.feed(filler) { _ in } }
        }
        #expect(scanner.bufferedBytes <= 1000)
        #expect(throws: KafkaRESTError.self) { try objects([Array(#"{"m":"\#(String(repeating: "x", count: 2000))"}"#.utf8)], limit: 1000) }
    }

    @Test func refusesWhatIsNotAnObjectAndAnEndInsideOne() {
        #expect(throws: KafkaRESTError.self) { try objects([Array("{} x".utf8)]) }
        #expect(throws: KafkaRESTError.self) { try objects([Array(#"{"a":"#.utf8)]) }
    }
}
