import Foundation
import KafkaREST
import Testing

@Suite("Base64")
struct Base64Tests {
    @Test("encodes RFC 4648 test vectors", arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ])
    func vectors(plain: String, encoded: String) throws {
        #expect(Base64.encode(Data(plain.utf8)) == encoded)
        #expect(try Base64.decode(encoded) == Data(plain.utf8))
    }

    @Test("round-trips all byte values")
    func allBytes() throws {
        let data = Data((0...255).map { UInt8($0) })
        #expect(try Base64.decode(Base64.encode(data)) == data)
    }

    @Test("decode errors say what is wrong and where", arguments: [
        ("Zm9v%mFy", "invalid base64: character '%' at offset 4 is not in the base64 alphabet", 4),
        ("Zm9v YmFy", "invalid base64: character U+20 at offset 4 is not in the base64 alphabet", 4),
        ("Zm=vYmFy", "invalid base64: padding '=' at offset 2 is followed by data", 2),
        ("Zm9vYmF", "invalid base64: length 7 is not a multiple of 4 (is padding missing?)", nil),
        ("Zg===", "invalid base64: length 5 is not a multiple of 4 (is padding missing?)", nil),
        ("Zg=a", "invalid base64: padding '=' at offset 2 is followed by data", 2),
        ("Zm9v====", "invalid base64: too much padding from offset 4", 4),
    ] as [(String, String, Int?)])
    func decodeErrors(input: String, message: String, offset: Int?) {
        #expect {
            _ = try Base64.decode(input)
        } throws: { error in
            guard let error = error as? Base64.DecodingError else { return false }
            return error.description == message && error.offset == offset
        }
    }
}
