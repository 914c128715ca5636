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

    // MARK: Reading objects in place

    /// A small object to read: `{"n": <integer>, ...}`, other members skipped.
    private struct Numbered: JSONReadable, Equatable {
        var n: Int
        init(json reader: inout JSONReader) throws {
            var n: Int?
            try reader.beginObject()
            while try reader.nextField() {
                if reader.fieldIs("n"), n == nil {
                    n = try reader.decode(Int.self, at: "n")
                } else {
                    try reader.skipValue()
                }
            }
            self.n = try reader.required(n, "n")
        }
    }

    private static let numbered = #"{"n":1,"s":"} {\"x"}"# + "\r\n" + #" {"n":22,"a":[1,{"c":"]"}]}{"n":333}"# + "\n"

    private func read(_ chunks: [[UInt8]], limit: Int = 1 << 20) throws -> [Int] {
        var scanner = ConcatenatedJSONScanner(maximumObjectBytes: limit)
        var values: [Numbered] = []
        for chunk in chunks {
            try scanner.read(chunk, as: Numbered.self, into: &values)
        }
        try scanner.finish()
        return values.map(\.n)
    }

    @Test func readsTheSameObjectsWhereverTheChunksAreCut() throws {
        let bytes = Array(Self.numbered.utf8)
        #expect(try read([bytes]) == [1, 22, 333])
        for cut in 0...bytes.count {
            for second in cut...bytes.count {
                #expect(try read([Array(bytes[..<cut]), Array(bytes[cut..<second]), Array(bytes[second...])]) == [1, 22, 333])
            }
        }
        #expect(try read(bytes.map { [$0] }) == [1, 22, 333])
    }

    @Test func readingStopsAtTheFirstUnreadableObjectWithItsErrorAndKeepsTheOnesBefore() throws {
        let bytes = Array((#"{"n":1} {"n":"two","s":"}"} {"n":3}"#).utf8)
        for cut in 0...bytes.count {
            var scanner = ConcatenatedJSONScanner()
            var values: [Numbered] = []
            let error = #expect(throws: JSONDecodingError.self) {
                try scanner.read(Array(bytes[..<cut]), as: Numbered.self, into: &values)
                try scanner.read(Array(bytes[cut...]), as: Numbered.self, into: &values)
            }
            #expect(values.map(\.n) == [1], "cut at \(cut)")
            #expect(error?.pointer == "/n", "cut at \(cut)")
            #expect(error?.message == "expected an integer, found a string", "cut at \(cut)")
        }
    }

    @Test func readingRefusesWhatFeedingRefusesWithTheSameMessage() throws {
        let garbage = Array(#"{"n":1}  x{"n":2}"#.utf8)
        for cut in 0...garbage.count {
            var scanner = ConcatenatedJSONScanner()
            var values: [Numbered] = []
            let error = #expect(throws: KafkaRESTError.self) {
                try scanner.read(Array(garbage[..<cut]), as: Numbered.self, into: &values)
                try scanner.read(Array(garbage[cut...]), as: Numbered.self, into: &values)
            }
            #expect(error?.message == "expected a JSON object at byte 9 of the stream, found 'x'", "cut at \(cut)")
            #expect(values.map(\.n) == [1])
        }
        #expect(throws: KafkaRESTError.self) { try read([Array(#"{"n":1,"s":"\#(String(repeating: "x", count: 2000))"}"#.utf8)], limit: 1000) }
        #expect(throws: KafkaRESTError.self) { try read([Array(#"{"n":1,"s":"#.utf8)]) }
    }

    @Test func readingAnEndlessObjectStopsAtTheLimit() throws {
        var scanner = ConcatenatedJSONScanner(maximumObjectBytes: 1000)
        var values: [Numbered] = []
        try scanner.read(Array(#"{"n":1,"s":""#.utf8), as: Numbered.self, into: &values)
        let filler = [UInt8](repeating: UInt8(ascii: "a"), count: 300)
        #expect(throws: KafkaRESTError.self) {
            for _ in 0..<4 { try scanner.read(filler, as: Numbered.self, into: &values) }
        }
        #expect(scanner.bufferedBytes <= 1000)
        #expect(values.isEmpty)
    }
}
