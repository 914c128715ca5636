import Foundation
import KafkaRESTSupport
import Testing

private struct Secret: Codable, Equatable {
    var key: Base64Data
}

@Suite struct Base64DataTests {
    @Test func decodesAndEncodesStandardBase64() throws {
        let secret = try decodeJSON(Secret.self, #"{"key":"aGVsbG8="}"#)
        #expect(secret.key.data == Data("hello".utf8))
        #expect(try jsonText(secret) == #"{"key":"aGVsbG8="}"#)
        #expect(try jsonText(Secret(key: Base64Data(Data([0xFB, 0xFF])))) == #"{"key":"+/8="}"#)
    }

    @Test func failableInitialiserRejectsInvalidText() {
        #expect(Base64Data(base64Encoded: "aGk=")?.data == Data("hi".utf8))
        #expect(Base64Data(base64Encoded: "not base64!") == nil)
        #expect(Base64Data(base64Encoded: "-_8") == nil)
    }

    @Test func invalidBase64ThrowsWithCodingPath() throws {
        let error = try #require(throws: DecodingError.self) {
            try decodeJSON(Secret.self, #"{"key":"c2VjcmV0*"}"#)
        }
        guard case .dataCorrupted = error else {
            Issue.record("expected dataCorrupted, got \(error)")
            return
        }
        #expect(codingPath(of: error) == ["key"])
        #expect(!debugDescription(of: error).contains("c2VjcmV0"))
    }

    @Test func descriptionsShowOnlyTheByteCount() {
        let value = Base64Data(Data("hunter2-pass".utf8))
        #expect(value.description == "Base64Data(12 bytes)")
        #expect("\(Base64Data(Data([7])))" == "Base64Data(1 byte)")
        #expect(String(reflecting: value) == "Base64Data(12 bytes)")
        var dumped = ""
        dump(value, to: &dumped)
        #expect(!dumped.contains("hunter2"))
        #expect(!dumped.contains("104"))
        #expect(dumped.contains("12"))
    }
}
