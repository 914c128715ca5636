import KafkaRESTSupport
import Testing

@Suite("APIRequest path segments")
struct APIRequestPathSegmentsTests {
    private static let template = "/clusters/{cluster_id}/topics/{topic_name}/configs/{name}"

    private func request(name: String) -> APIRequest {
        APIRequest(
            operationID: "deleteKafkaTopicConfig",
            method: .delete,
            pathTemplate: Self.template,
            path: "/clusters/lkc-1/topics/orders/configs/\(PathSegment.encode(name))"
        )
    }

    @Test("ordinary segments, also with dots inside, pass", arguments: ["retention.ms", "...", ".hidden", "a..b", "%2E"])
    func ordinarySegmentsPass(name: String) throws {
        try request(name: name).checkPathSegments()
    }

    @Test("empty, '.' and '..' parameters are refused naming the operation and the placeholder", arguments: ["", ".", ".."])
    func dotParametersRefused(name: String) {
        let error = #expect(throws: KafkaRESTError.self) {
            try request(name: name).checkPathSegments()
        }
        #expect(error?.kind == .invalidRequest)
        #expect(error?.operationID == "deleteKafkaTopicConfig")
        #expect(error?.message.contains("path parameter {name} of \(Self.template)") == true)
        #expect(error?.message.contains(name.isEmpty ? "is empty" : "is '\(name)'") == true)
    }

    @Test("percent-encoded dots in any case are refused", arguments: ["%2E", "%2e", "%2E%2e", ".%2E", "%2e."])
    func encodedDotsRefused(segment: String) {
        let request = APIRequest(operationID: "nextPage", method: .get, pathTemplate: "(next page)", path: "/clusters/\(segment)/acls")
        let error = #expect(throws: KafkaRESTError.self) {
            try request.checkPathSegments()
        }
        #expect(error?.message.contains("path segment 2 of (next page) is '\(segment)'") == true)
    }

    @Test("an empty segment in the middle or at the end is refused")
    func emptySegmentsRefused() {
        for path in ["/clusters//topics", "/clusters/lkc-1/topics/", "//clusters"] {
            let request = APIRequest(operationID: "op", method: .get, pathTemplate: path, path: path)
            #expect(throws: KafkaRESTError.self, "\(path)") {
                try request.checkPathSegments()
            }
        }
    }
}
