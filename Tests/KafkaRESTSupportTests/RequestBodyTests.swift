import Foundation
import KafkaRESTSupport
import Testing

@Suite struct RequestBodyTests {
    @Test func exposesContentType() {
        let body = RequestBody.bytes(Data("{}".utf8), contentType: "application/json")
        #expect(body.contentType == "application/json")
        guard case .bytes(let data, _) = body else { return }
        #expect(data == Data("{}".utf8))
    }
}
