import KafkaRESTSupport
import Testing

@Suite struct HTTPMethodTests {
    @Test func rawValuesAreUpperCaseMethodNames() {
        #expect(HTTPMethod.get.rawValue == "GET")
        #expect(HTTPMethod.put.rawValue == "PUT")
        #expect(HTTPMethod.post.rawValue == "POST")
        #expect(HTTPMethod.patch.rawValue == "PATCH")
        #expect(HTTPMethod.delete.rawValue == "DELETE")
        #expect(HTTPMethod.head.rawValue == "HEAD")
        #expect(HTTPMethod(rawValue: "get") == nil)
    }
}
