import Foundation
@testable import KafkaREST
import Testing

@Suite("Produce: concatenated JSON")
struct ProduceJSONStreamTests {
    static let objects = [
        #"{"error_code":200,"offset":1}"#,
        #"{"message":"a } brace { and \"quoted\" text \\","nested":{"a":[1,{"b":"]"}]}}"#,
        #"{}"#,
        #"{"s":"\\\"}"}"#,
        #"{"u":"é€𝄞"}"#,
    ]
    /// The objects with every kind of separator: none, spaces, newlines, CR LF, tabs.
    static let sample = Data((objects[0] + objects[1] + " \n" + objects[2] + "\r\n\t" + objects[3] + objects[4] + "\n").utf8)

    static func split(_ chunks: [Data]) throws -> [String] {
        var splitter = ConcatenatedJSONSplitter()
        var found: [String] = []
        for chunk in chunks {
            found += try splitter.feed(chunk).map { String(decoding: $0, as: UTF8.self) }
        }
        try splitter.finish()
        return found
    }

    @Test("one chunk yields every object in order")
    func wholeStream() throws {
        #expect(try Self.split([Self.sample]) == Self.objects)
    }

    @Test("split in two at every byte offset")
    func everyOffset() throws {
        for cut in 0...Self.sample.count {
            let chunks = [Data(Self.sample.prefix(cut)), Data(Self.sample.dropFirst(cut))]
            #expect(try Self.split(chunks) == Self.objects, "cut at \(cut)")
        }
    }

    @Test("one byte per chunk, and chunks that are slices with a non-zero start index")
    func bytewise() throws {
        #expect(try Self.split(Self.sample.map { Data([$0]) }) == Self.objects)
        let padded = Data("xx".utf8) + Self.sample
        #expect(try Self.split([padded.dropFirst(2).prefix(7), padded.dropFirst(9)]) == Self.objects)
    }

    @Test("three pieces at every pair of offsets")
    func everyPairOfOffsets() throws {
        let bytes = Self.sample
        for first in stride(from: 0, through: bytes.count, by: 3) {
            for second in first...bytes.count {
                let chunks = [bytes.prefix(first), bytes[first..<second], bytes.suffix(from: second)].map { Data($0) }
                #expect(try Self.split(chunks) == Self.objects)
            }
        }
    }

    @Test("text between objects and a truncated object are errors")
    func malformed() throws {
        var splitter = ConcatenatedJSONSplitter()
        #expect(throws: KafkaRESTError.self) { try splitter.feed(Data(#"{} x {}"#.utf8)) }
        var truncated = ConcatenatedJSONSplitter()
        #expect(try truncated.feed(Data(#"{"a":"}"#.utf8)).isEmpty)
        #expect(throws: KafkaRESTError.self) { try truncated.finish() }
    }

    @Test("many requests encode into one body the splitter reads back record by record")
    func encoderRoundTrip() throws {
        let records = (0..<5).map { KafkaRecord(key: .string("k\($0)"), value: .json(["n": .integer(Int64($0)), "s": "}{\""])) }
        var writer = JSONWriter()
        for record in records {
            if !writer.bytes.isEmpty { writer.append("\n") }
            try ConcatenatedJSONEncoder.append(record, to: &writer)
        }
        let body = Data(writer.bytes)
        var splitter = ConcatenatedJSONSplitter()
        let decoded = try splitter.feed(body).map { try JSONDecoder().decode(ProduceRequest.self, from: $0) }
        #expect(decoded == records.map(\.produceRequest))
        #expect(String(decoding: body, as: UTF8.self).split(separator: "\n").count == 5)
    }
}
