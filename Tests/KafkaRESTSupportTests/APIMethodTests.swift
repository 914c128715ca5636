import KafkaRESTSupport
import Testing

@Suite struct HTTPMethodTests {
    @Test func rawValuesAreUpperCaseMethodNames() {
        #expect(APIMethod.get.rawValue == "GET")
        #expect(APIMethod.put.rawValue == "PUT")
        #expect(APIMethod.post.rawValue == "POST")
        #expect(APIMethod.patch.rawValue == "PATCH")
        #expect(APIMethod.delete.rawValue == "DELETE")
        #expect(APIMethod.head.rawValue == "HEAD")
        #expect(APIMethod(rawValue: "get") == nil)
    }
}
