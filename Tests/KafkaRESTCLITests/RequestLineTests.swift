import FuzzSupport
import Foundation
@testable import KafkaRESTCLI
import KafkaREST
import Testing

/// The one-pass reader of ProduceRequest-shaped lines against the general path (RequestShape,
/// then the generated ProduceRequest): whatever it reads, the general path reads the same.
@Suite("produce: ProduceRequest lines read in one pass")
struct RequestLineTests {
    /// Lines the one-pass reader takes.
    static let covered = [
        #"{"value":{"type":"JSON","data":{"n":1}}}"#,
        #"{"key":{"type":"STRING","data":"k"},"value":{"type":"BINARY","data":"AAEC/w=="}}"#,
        #"{"value":{"data":[1,2.5,"x",null,true]}}"#,
        #"{"value":{"type":"JSON"}}"#,
        #"{"key":null,"value":null}"#,
        #"{"value":{"type":"JSON","data":null},"partition_id":3,"timestamp":"2026-12-04T10:00:00.123Z"}"#,
        #"{"value":{"type":"STRING","data":"é \"q\" \u00e9"},"headers":[{"name":"a","value":"YWJj"},{"name":"b","value":null},{"name":"c"}]}"#,
        #"{"value":{"type":"STRING","data":""},"headers":null,"partition_id":null,"timestamp":null}"#,
        #" { "v\u0061lue" : { "data" : 1 } } "#,
    ]

    /// Lines it leaves to the general path (which sends some and refuses others).
    static let uncovered = [
        #"{"value":{"type":"AVRO","data":{},"schema_id":1}}"#,
        #"{"value":{"type":"JSON","data":1,"subject_name_strategy":"TOPIC_NAME"}}"#,
        #"{"value":{"type":"STRING","data":5}}"#,
        #"{"value":{"type":"BINARY","data":"not base64!"}}"#,
        #"{"value":{"type":null,"data":1}}"#,
        #"{"value":1,"value":2}"#,
        #"{"value":{"data":1},"other":2}"#,
        #"{"headers":[],"partition_id":1}"#,
        #"{"value":{"data":1},"partition_id":"1"}"#,
        #"{"value":{"data":1},"headers":[{"value":"YQ=="}]}"#,
        #"{"value":{"data":1},"timestamp":"noon"}"#,
        #"{"value":{"data":1}} x"#,
        #"[1]"#,
    ]

    @Test("common lines are read in one pass, to the record the general path makes", arguments: covered)
    func coveredLine(_ text: String) throws {
        let fast = try #require(RequestLine.record(from: Data(text.utf8)))
        #expect(try generalRecord(text) == fast)
    }

    @Test("other lines are left to the general path", arguments: uncovered)
    func uncoveredLine(_ text: String) {
        #expect(RequestLine.record(from: Data(text.utf8)) == nil)
    }

    @Test("lines changed at random: what the one-pass reader reads, the general path reads the same")
    func mutations() throws {
        let sources = (Self.covered + Self.uncovered.prefix(5)).map { Array($0.utf8) }
        let alphabet = Array(#"{}[]":,0123456789-.eE "\nabnul=YQ"#.utf8)
        var read = 0
        for index in 0..<3_000 {
            var random = SeededGenerator(seed: FuzzBudget.defaultSeed, index: index)
            let source = sources[Int.random(in: 0..<sources.count, using: &random)]
            let bytes = random.edited(source, edits: 1...2, alphabet: alphabet)
            guard let fast = RequestLine.record(from: Data(bytes)) else { continue }
            read += 1
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(try generalRecord(text) == fast, "input \(index): \(text)")
        }
        #expect(read > 30)
    }

    @Test("lines put together at random from request members: both paths make the same record")
    func assembled() throws {
        let payloads = [
            "null", #"{"type":"JSON","data":{"a":[1,{"b":null}]}}"#, #"{"data":-0.5e3}"#, #"{"type":"STRING","data":"t\n"}"#,
            #"{"type":"BINARY","data":""}"#, #"{"type":"BINARY","data":"3q2+7w=="}"#, #"{"data":"x","type":"JSON"}"#, #"{}"#,
        ]
        let others = [
            #""partition_id":0"#, #""partition_id":2147483647"#, #""partition_id":null"#,
            #""timestamp":"1970-01-01T00:00:00Z""#, #""timestamp":null"#,
            #""headers":[]"#, #""headers":[{"value":"","name":"e"},{"name":"n","value":null}]"#,
        ]
        var covered = 0
        for index in 0..<2_000 {
            var random = SeededGenerator(seed: FuzzBudget.defaultSeed, index: index)
            var members: [String] = []
            if Bool.random(using: &random) { members.append(#""key":"# + payloads.randomElement(using: &random)!) }
            if members.isEmpty || Bool.random(using: &random) { members.append(#""value":"# + payloads.randomElement(using: &random)!) }
            for other in others.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random)) where !members.contains(where: { $0.hasPrefix(other.prefix(8)) }) {
                members.append(other)
            }
            let text = "{" + members.shuffled(using: &random).joined(separator: Bool.random(using: &random) ? "," : " , ") + "}"
            guard let fast = RequestLine.record(from: Data(text.utf8)) else { continue }
            covered += 1
            #expect(try generalRecord(text) == fast, "input \(index): \(text)")
        }
        #expect(covered > 1_500)
    }

    /// The record the general path makes of a ProduceRequest-shaped line.
    private func generalRecord(_ text: String) throws -> KafkaRecord {
        let bytes = Data(text.utf8)
        try #require(try RequestShape(jsonBytes: bytes).matches)
        return try RecordLine.requestRecord(from: bytes, key: nil)
    }
}
