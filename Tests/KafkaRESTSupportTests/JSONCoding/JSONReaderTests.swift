import Foundation
import KafkaRESTSupport
import Testing

@Suite("JSONReader")
struct JSONReaderTests {
    private func read<T: JSONReadable>(_ type: T.Type, _ text: String) throws -> T {
        try T(jsonBytes: Array(text.utf8))
    }

    private func failure<T: JSONReadable>(_ type: T.Type, _ bytes: [UInt8]) -> JSONDecodingError? {
        do {
            _ = try T(jsonBytes: bytes)
            return nil
        } catch {
            return error as? JSONDecodingError
        }
    }

    private func failure<T: JSONReadable>(_ type: T.Type, _ text: String) -> JSONDecodingError? {
        failure(type, Array(text.utf8))
    }

    @Test func resolvesEscapesAndSurrogatePairs() throws {
        #expect(try read(String.self, #""a\"b\\c\/d\n\r\t\b\f\u0041\u00e9\ud83d\ude00""#) == "a\"b\\c/d\n\r\t\u{08}\u{0C}Aé😀")
        #expect(try read(String.self, "\"é😀\u{2028}\"") == "é😀\u{2028}")
    }

    /// An object with members `name` and `size`, read by member name as generated decoders do.
    private struct Named: JSONReadable, Equatable {
        var name: String?
        var size: Int?

        init(name: String?, size: Int?) {
            self.name = name
            self.size = size
        }

        init(json reader: inout JSONReader) throws {
            try reader.beginObject()
            while try reader.nextField() {
                if reader.fieldIs("name") {
                    name = try reader.decode(String.self, at: "name")
                } else if reader.fieldIs("size") {
                    size = try reader.decode(Int.self, at: "size")
                } else {
                    try reader.skipValue()
                }
            }
        }
    }

    @Test func matchesMemberNamesWrittenWithEscapes() throws {
        #expect(try read(Named.self, #"{"name":"a","size":1}"#) == Named(name: "a", size: 1))
        #expect(try read(Named.self, #"{"n\u0061me":"b","\u0073ize":2}"#) == Named(name: "b", size: 2))
        #expect(try read(Named.self, #"{"nam":"c","names":"d","n\u0061mes":"e","siz\u0065":3}"#) == Named(name: nil, size: 3))
    }

    @Test func refusesBrokenStrings() {
        #expect(failure(String.self, #""\ud83d""#)?.message.contains("high surrogate") == true)
        #expect(failure(String.self, #""\ude00x""#)?.message.contains("low surrogate") == true)
        #expect(failure(String.self, #""\u12g4""#)?.message.contains("hexadecimal") == true)
        #expect(failure(String.self, #""\x""#)?.message.contains("invalid escape") == true)
        #expect(failure(String.self, "\"a\tb\"")?.message.contains("control character") == true)
        #expect(failure(String.self, [0x22, 0xFF, 0x22])?.message.contains("UTF-8") == true)
    }

    /// Strings are scanned eight bytes at a time while no byte needs a look: every kind of byte
    /// that does is found at every position of a word, and in the bytes after a word.
    @Test func findsWhatEndsOrBreaksAStringAtEveryPosition() throws {
        for length in 0...20 {
            for position in 0..<max(length, 1) {
                let before = String(repeating: "a", count: position)
                let after = String(repeating: "b", count: max(length - position - 1, 0))
                #expect(try read(String.self, "\"\(before)\\\"\(after)\"") == before + "\"" + after)
                #expect(try read(String.self, "\"\(before)é\(after)\"") == before + "é" + after)
                #expect(try read(String.self, "\"\(before)\(after)\"") == before + after)
                let ended = failure(String.self, "\"\(before)\"\(after)\"")
                #expect(ended?.message == "unexpected data after the JSON value" && ended?.offset == position + 2, "\(length) \(position)")
                for byte in ["\u{0}", "\u{1F}"] {
                    let control = failure(String.self, "\"\(before)\(byte)\(after)\"")
                    #expect(control?.message.contains("control character") == true && control?.offset == position + 1, "\(length) \(position)")
                }
                #expect(failure(String.self, Array("\"\(before)".utf8) + [0xFF] + Array("\(after)\"".utf8))?.message.contains("UTF-8") == true)
                #expect(failure(String.self, "\"\(before)\(after)")?.message == "the document ends inside a string")
            }
        }
    }

    @Test func readsIntegersAtTheirLimitsAndRefusesWhatDoesNotFit() throws {
        #expect(try read(Int64.self, "-9223372036854775808") == .min)
        #expect(try read(Int64.self, "9223372036854775807") == .max)
        #expect(try read(Int32.self, "-2147483648") == .min)
        #expect(try read(Int.self, "1.0") == 1)
        #expect(try read(Int.self, "1E2") == 100)
        #expect(try read(Int.self, "-0") == 0)
        #expect(failure(Int32.self, "2147483648")?.message == "the number 2147483648 does not fit Int32")
        #expect(failure(Int64.self, "9223372036854775808") != nil)
        #expect(failure(Int64.self, "-9223372036854775809") != nil)
        #expect(failure(Int64.self, "123456789012345678901234567890") != nil)
        #expect(failure(Int.self, "1.5") != nil)
        #expect(failure(Int.self, "\"1\"")?.message == "expected an integer, found a string")
    }

    @Test func refusesNumbersOutsideTheGrammar() {
        for text in ["01", "-", "1.", ".5", "1e", "1e+", "+1", "0x10", "NaN", "Infinity", "--1"] {
            #expect(failure(Double.self, text) != nil, "\(text) was read")
        }
    }

    @Test(arguments: ["0.1", "-0.0", "1e-7", "5e-324", "1.7976931348623157e308", "123456789.125", "9007199254740993", "1E+2"])
    func readsDoublesAsFoundationDoes(_ text: String) throws {
        let expected = try JSONDecoder().decode(Double.self, from: Data(text.utf8))
        let value = try read(Double.self, text)
        #expect(value == expected && value.sign == expected.sign)
    }

    @Test func refusesDoublesTooLarge() {
        #expect(failure(Double.self, "1e400")?.message.contains("too large") == true)
    }

    @Test func refusesNestingBeyondTheLimitWithAClearError() throws {
        let depth = JSONReader.maximumDepth
        let deepest = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try read(JSONValue.self, deepest) != nil)
        let tooDeep = String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1)
        let error = try #require(failure(JSONValue.self, tooDeep))
        #expect(error.message == "objects and arrays are nested deeper than 512 levels")
        #expect(error.offset == depth)
        #expect(error.pointer == "/" + Array(repeating: "0", count: depth).joined(separator: "/"))
        #expect(failure(JSONValue.self, String(repeating: "{\"a\":", count: 100_000)) != nil)
    }

    @Test func refusesEveryTruncationOfADocument() {
        let text = #"{"a":[1,-2.5e3,"x\u00e9\n",true,false,null,{"b":{}}],"c":"d"}"#
        let bytes = Array(text.utf8)
        for length in 0..<bytes.count {
            #expect(failure(JSONValue.self, Array(bytes[..<length])) != nil, "prefix of \(length) bytes was read")
        }
        #expect(failure(JSONValue.self, bytes) == nil)
    }

    @Test func refusesDataAfterTheValue() {
        #expect(failure(JSONValue.self, "{} {}")?.message == "unexpected data after the JSON value")
        #expect(failure(JSONValue.self, " [1] \n") == nil)
    }

    @Test func refusesBrokenStructure() {
        for text in ["[1 2]", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "{,}", "{1:2}", "[,1]", "tru", "nul", "{\"a\":1 \"b\":2}"] {
            #expect(failure(JSONValue.self, text) != nil, "\(text) was read")
        }
    }

    @Test func pointsAtTheBadValue() throws {
        let error = try #require(failure([String: [Int32]].self, #"{"ok":[1],"a/b~c":[1,2,"x"]}"#))
        #expect(error.pointer == "/a~1b~0c/2")
        #expect(error.offset == 23)
        #expect(error.description == "at /a~1b~0c/2 (byte 23): expected an integer, found a string")
    }

    @Test func keepsTheFirstOfRepeatedMembersAsJSONDecoderDoes() throws {
        #expect(try read([String: Int].self, #"{"a":1,"a":2}"#) == ["a": 1])
        #expect(try JSONDecoder().decode([String: Int].self, from: Data(#"{"a":1,"a":2}"#.utf8)) == ["a": 1])
    }

    @Test func readsJSONValuesAsJSONDecoderDoes() throws {
        let text = #"{"i":9007199254740993,"w":1.0,"e":1e3,"d":2.5,"big":1e300,"neg":-9223372036854775808,"s":"\u00e9","a":[null,true,{}]}"#
        #expect(try read(JSONValue.self, text) == JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)))
    }

    @Test func readsDatesAndBase64() throws {
        #expect(try read(Date.self, #""2021-12-13T16:29:10.951Z""#) == Date(timeIntervalSince1970: 1_639_412_950.951))
        #expect(try read(Date.self, #""2021-12-13T18:29:10+02:00""#) == Date(timeIntervalSince1970: 1_639_412_950))
        #expect(failure(Date.self, #""yesterday""#)?.message.contains("RFC 3339") == true)
        #expect(try read(Base64Data.self, #""AAEC/w==""#).data == Data([0, 1, 2, 255]))
        #expect(try read(Base64Data.self, #""AAEC\/w==""#).data == Data([0, 1, 2, 255]))
        let refused = try #require(failure(Base64Data.self, #""not base64!""#))
        #expect(refused.message == "the string is not valid base64")
    }

    @Test func readsNullablesAndOptionals() throws {
        #expect(try read(Nullable<Int>.self, "null") == .null)
        #expect(try read(Nullable<Int>.self, "3") == .value(3))
        #expect(try read(Int?.self, "null") == nil)
        #expect(try read([Int?].self, "[1,null]") == [1, nil])
    }
}
