import Foundation
import KafkaRESTSupport
import Testing

@Suite struct APIRequestTests {
    private func makeRequest() -> APIRequest {
        APIRequest(
            operationID: "listKafkaTopics",
            method: .get,
            pathTemplate: "/clusters/{cluster_id}/topics",
            path: "/clusters/\(PathSegment.encode("lkc-1"))/topics"
        )
    }

    @Test func startsEmpty() {
        let request = makeRequest()
        #expect(request.query.isEmpty)
        #expect(request.headers.isEmpty)
        #expect(request.body == nil)
        #expect(request.method == .get)
        #expect(request.pathTemplate == "/clusters/{cluster_id}/topics")
    }

    @Test func addsQueryParametersSkippingNil() {
        var request = makeRequest()
        let missing: Int? = nil
        request.addQuery("limit", missing)
        request.addQuery("limit", 10)
        request.addQuery("verbose", true)
        request.addQuery("names", ["a", "b"])
        request.addQuery("skipped", nil as [String]?)
        request.addQuery("empty", [String]())
        #expect(request.query == [
            .init(name: "limit", value: "10"),
            .init(name: "verbose", value: "true"),
            .init(name: "names", value: "a"),
            .init(name: "names", value: "b"),
        ])
    }

    @Test func addsHeadersSkippingNil() {
        var request = makeRequest()
        request.addHeader("X-Trace", "abc")
        request.addHeader("X-Missing", nil as String?)
        request.addHeader("X-Count", Int32(3))
        #expect(request.headers.map { "\($0.name): \($0.value)" } == ["X-Trace: abc", "X-Count: 3"])
    }

    @Test func urlKeepsBasePathWithoutDoubleSlash() throws {
        let request = makeRequest()
        let withSlash = request.url(relativeTo: try #require(URL(string: "https://kafka.example.com:8082/kafka/v3/")))
        let withoutSlash = request.url(relativeTo: try #require(URL(string: "https://kafka.example.com:8082/kafka/v3")))
        #expect(withSlash.absoluteString == "https://kafka.example.com:8082/kafka/v3/clusters/lkc-1/topics")
        #expect(withoutSlash == withSlash)
        let bare = request.url(relativeTo: try #require(URL(string: "http://localhost:8082")))
        #expect(bare.absoluteString == "http://localhost:8082/clusters/lkc-1/topics")
    }

    @Test func urlResolvesARelativeBaseAndDropsItsFragment() throws {
        let request = makeRequest()
        let root = try #require(URL(string: "https://user@kafka.example.com:8082/proxy/"))
        let relative = try #require(URL(string: "kafka/v3#top", relativeTo: root))
        #expect(request.url(relativeTo: relative).absoluteString == "https://user@kafka.example.com:8082/proxy/kafka/v3/clusters/lkc-1/topics")
        let unrooted = APIRequest(operationID: "listKafkaTopics", method: .get, pathTemplate: "clusters", path: "clusters")
        #expect(unrooted.url(relativeTo: try #require(URL(string: "https://host/v3/"))).absoluteString == "https://host/v3/clusters")
    }

    @Test func urlPercentEncodesAwkwardQueryValues() throws {
        var request = makeRequest()
        request.addQuery("filter", "a+b&c=d e/é")
        request.addQuery("n", 1)
        let url = request.url(relativeTo: try #require(URL(string: "https://host/v3?ignored=1#frag")))
        #expect(url.absoluteString == "https://host/v3/clusters/lkc-1/topics?filter=a%2Bb%26c%3Dd%20e%2F%C3%A9&n=1")
        let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems
        #expect(items == [URLQueryItem(name: "filter", value: "a+b&c=d e/é"), URLQueryItem(name: "n", value: "1")])
    }

    @Test func urlKeepsEncodedPathSegments() throws {
        let request = APIRequest(
            operationID: "getKafkaTopic",
            method: .get,
            pathTemplate: "/clusters/{cluster_id}/topics/{topic_name}",
            path: "/clusters/lkc-1/topics/\(PathSegment.encode("a/b c?"))"
        )
        let url = request.url(relativeTo: try #require(URL(string: "https://host/kafka/v3")))
        #expect(url.absoluteString == "https://host/kafka/v3/clusters/lkc-1/topics/a%2Fb%20c%3F")
    }

    @Test func setsJSONBody() throws {
        var request = makeRequest()
        try request.setJSONBody(["path": "a/b"])
        guard case .bytes(let data, let contentType) = request.body else {
            Issue.record("expected a bytes body")
            return
        }
        #expect(String(decoding: data, as: UTF8.self) == #"{"path":"a/b"}"#)
        #expect(contentType == "application/json")
        try request.setJSONBody([1], contentType: "application/vnd.custom+json")
        #expect(request.body?.contentType == "application/vnd.custom+json")
        #expect(request.bodySchemaName == nil)
        try request.setJSONBody(["topic_name": "orders"], schemaName: "CreateTopicRequestData")
        #expect(request.bodySchemaName == "CreateTopicRequestData")
    }

    /// An `Encodable` type without a byte-level writer, so `setJSONBody` takes `JSONEncoder`.
    struct Ratio: Encodable {
        var ratio: Double
    }

    @Test("a NaN fails as an encoding error naming the type, body unset: through the byte-level writer and through JSONEncoder")
    func wrapsEncodingFailuresInKafkaRESTError() throws {
        var request = makeRequest()
        let written = try #require(throws: KafkaRESTError.self) {
            try request.setJSONBody(["ratio": Double.nan])
        }
        let encoded = try #require(throws: KafkaRESTError.self) {
            try request.setJSONBody(Ratio(ratio: .infinity))
        }
        for (error, type) in [(written, "Dictionary<String, Double>"), (encoded, "Ratio")] {
            #expect(error.kind == .encoding)
            #expect(error.operationID == "listKafkaTopics")
            #expect(error.message.hasPrefix("could not encode \(type) as the request body: "), "\(error.message)")
            #expect(error.underlyingError is EncodingError)
        }
        #expect(written.message.hasSuffix("it holds a NaN or infinite number, which JSON cannot carry"))
        #expect(request.body == nil)
    }
}
