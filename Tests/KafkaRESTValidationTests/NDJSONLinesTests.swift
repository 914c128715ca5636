import Foundation
import KafkaRESTValidation
import Testing

@Suite("NDJSON lines")
struct NDJSONLinesTests {
    private static func texts(_ lines: [(line: Int, text: Data)]) -> [String] {
        lines.map { "\($0.line):" + String(decoding: $0.text, as: UTF8.self) }
    }

    @Test func numbersLinesAsAnEditorDoesAndSkipsBlankOnes() {
        let input = "{\"a\":1}\r\n\n  \t\r\n{\"b\":2}\n\r\n{\"c\":3}"
        #expect(Self.texts(NDJSONLines.split(Data(input.utf8))) == ["1:{\"a\":1}", "4:{\"b\":2}", "6:{\"c\":3}"])
    }

    @Test func emptyInputAndOnlyNewlinesHaveNoLines() {
        #expect(NDJSONLines.split(Data()).isEmpty)
        #expect(NDJSONLines.split(Data("\n\r\n\n".utf8)).isEmpty)
    }

    @Test func aLineSplitAcrossChunksComesOutWhole() {
        var lines = NDJSONLines()
        #expect(lines.feed(Data("{\"key\":".utf8)).isEmpty)
        #expect(Self.texts(lines.feed(Data("\"k\"}\r".utf8))).isEmpty)
        #expect(Self.texts(lines.feed(Data("\n{\"x\"".utf8))) == ["1:{\"key\":\"k\"}"])
        #expect(Self.texts(lines.finish()) == ["2:{\"x\""])
        #expect(lines.finish().isEmpty)
    }

    @Test("any chunk size gives the lines of the whole input", arguments: 1...12)
    func chunkingDoesNotMatter(size: Int) {
        let pieces = ["{\"n\":1}", "", " ", "\r", "[1,2]", "\"text with \\n escape\"", "null"]
        let text = (0..<50).map { pieces[$0 * 5 % pieces.count] + ($0.isMultiple(of: 3) ? "\r\n" : "\n") }.joined() + "{\"last\":true}"
        let input = Data(text.utf8)
        var lines = NDJSONLines()
        var chunked: [(line: Int, text: Data)] = []
        for offset in stride(from: 0, to: input.count, by: size) {
            chunked += lines.feed(input.subdata(in: offset..<min(offset + size, input.count)))
        }
        chunked += lines.finish()
        // Split bytes, not Characters: Swift reads "\r\n" as one Character.
        let expected = input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
            .map { (number: $0.offset + 1, text: String(decoding: $0.element.filter { $0 != UInt8(ascii: "\r") }, as: UTF8.self)) }
            .filter { !$0.text.allSatisfy { $0 == " " || $0 == "\t" } }
            .map { "\($0.number):\($0.text)" }
        #expect(Self.texts(chunked) == expected)
        #expect(Self.texts(NDJSONLines.split(input)) == expected)
    }

    @Test("a long line fed in many small chunks, with lines ending mid-chunk and CRLF split, comes out whole and numbered")
    func longLineAcrossManySmallFeeds() {
        let long = "{\"v\":\"" + String(repeating: "x", count: 200_000) + "\"}"
        let input = Data(("{\"a\":1}\n" + long + "\r\n\n{\"b\":2}\r\n" + long).utf8)
        for size in [1, 7, 4096] {
            var lines = NDJSONLines()
            var out: [(line: Int, text: Data)] = []
            var offset = 0
            while offset < input.count {
                let end = min(offset + size, input.count)
                out += lines.feed(input[offset..<end])
                offset = end
            }
            out += lines.finish()
            #expect(out.map(\.line) == [1, 2, 4, 5], "chunk size \(size)")
            #expect(out.map { $0.text.count } == [7, long.utf8.count, 7, long.utf8.count], "chunk size \(size)")
            #expect(out[1].text == Data(long.utf8))
        }
    }

    @Test("after finish, a splitter starts again from an empty line")
    func finishResets() {
        var lines = NDJSONLines()
        #expect(lines.feed(Data("abc".utf8)).isEmpty)
        #expect(Self.texts(lines.finish()) == ["1:abc"])
        #expect(Self.texts(lines.feed(Data("de\nf".utf8))) == ["2:de"])
        #expect(Self.texts(lines.finish()) == ["3:f"])
    }
}
