import Foundation
import KafkaRESTSupport
import Testing

private struct TopicList: Decodable {
    struct Topic: Decodable {
        var topicName: String
        var partitionsCount: Int32

        enum CodingKeys: String, CodingKey {
            case topicName = "topic_name"
            case partitionsCount = "partitions_count"
        }
    }

    var data: [Topic]
}

@Suite struct APIResponseTests {
    private func response(_ status: Int, _ body: String, headers: APIHeaders = [:]) -> APIResponse {
        APIResponse(status: status, headers: headers, body: Data(body.utf8))
    }

    @Test func reportsSuccessStatuses() {
        #expect(APIResponse(status: 200).isSuccess)
        #expect(APIResponse(status: 204).isSuccess)
        #expect(!APIResponse(status: 302).isSuccess)
        #expect(!APIResponse(status: 404).isSuccess)
        #expect(APIResponse(status: 204).body.isEmpty)
    }

    @Test func decodesJSONBody() throws {
        let list = try response(200, #"{"data":[{"topic_name":"orders","partitions_count":6}]}"#)
            .decode(TopicList.self, operationID: "listKafkaTopics")
        #expect(list.data.map(\.topicName) == ["orders"])
        #expect(list.data.first?.partitionsCount == 6)
    }

    @Test func decodingErrorCarriesJSONPointerAndDescription() throws {
        let body = #"{"data":[{"topic_name":"a","partitions_count":1},{"topic_name":"b","partitions_count":"six"}]}"#
        let error = try #require(throws: KafkaRESTError.self) {
            try response(200, body).decode(TopicList.self, operationID: "listKafkaTopics")
        }
        #expect(error.kind == .decoding)
        #expect(error.operationID == "listKafkaTopics")
        #expect(error.status == 200)
        #expect(error.message.hasPrefix("could not decode TopicList at /data/1/partitions_count: "))
        let underlying = try #require(error.underlyingError as? DecodingError)
        #expect(error.message.contains(debugDescription(of: underlying)))
        #expect(error.bodySnippet == body)
        #expect(!error.isRetryable)
    }

    @Test func missingKeyPointerIncludesTheKey() throws {
        let error = try #require(throws: KafkaRESTError.self) {
            try response(200, #"{"data":[{"topic_name":"a"}]}"#).decode(TopicList.self, operationID: "listKafkaTopics")
        }
        #expect(error.message.hasPrefix("could not decode TopicList at /data/0/partitions_count: "))
    }

    @Test func malformedJSONIsReportedAtTheTopLevel() throws {
        let error = try #require(throws: KafkaRESTError.self) {
            try response(200, "{not json").decode(TopicList.self, operationID: "listKafkaTopics")
        }
        #expect(error.kind == .decoding)
        #expect(error.message.hasPrefix("could not decode TopicList at the top level: "))
    }

    @Test func mapsKafkaRESTJSONErrorBody() {
        let body = #"{"error_code":40403,"message":"This server does not host this topic-partition."}"#
        let error = response(404, body, headers: ["Content-Type": "application/json"]).error(operationID: "listKafkaTopics")
        #expect(error.kind == .http)
        #expect(error.status == 404)
        #expect(error.errorCode == 40403)
        #expect(error.message == "This server does not host this topic-partition.")
        #expect(error.bodySnippet == body)
        #expect(error.retryAfter == nil)
        #expect(!error.isRetryable)
        #expect(
            error.description
                == "KafkaRESTError(http 404, error_code 40403, listKafkaTopics): This server does not host this topic-partition."
        )
    }

    @Test func mapsJSONErrorWhoseCodeDiffersFromStatus() {
        let error = response(500, #"{"error_code":50003,"message":"Kafka error: broker down"}"#)
            .error(operationID: "produceRecord")
        #expect(error.status == 500)
        #expect(error.errorCode == 50003)
        #expect(error.message == "Kafka error: broker down")
    }

    @Test func mapsHTMLRateLimitPage() {
        let html = "<html><head><title>429 Too Many Requests</title></head><body>Slow down</body></html>"
        let error = response(429, html, headers: ["content-type": "text/html", "retry-after": " 30 "])
            .error(operationID: "listKafkaTopics")
        #expect(error.kind == .http)
        #expect(error.status == 429)
        #expect(error.errorCode == nil)
        #expect(error.message == "rate limited (HTTP 429)")
        #expect(error.bodySnippet == html)
        #expect(error.isRetryable)
        #expect(error.retryAfter == .seconds(30))
        #expect(error.description == "KafkaRESTError(http 429, listKafkaTopics): rate limited (HTTP 429)")
    }

    @Test func mapsPlainTextServerError() {
        let error = response(500, "upstream connect error or disconnect/reset before headers")
            .error(operationID: "getKafkaCluster")
        #expect(error.message == "HTTP 500")
        #expect(error.errorCode == nil)
        #expect(error.bodySnippet == "upstream connect error or disconnect/reset before headers")
        #expect(!error.isRetryable)
    }

    @Test func mapsJSONWithoutKafkaFieldsAndEmptyBodies() {
        let other = response(502, #"{"detail":"bad gateway"}"#, headers: ["Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"])
            .error(operationID: "op")
        #expect(other.message == "HTTP 502")
        #expect(other.errorCode == nil)
        #expect(other.retryAfter == nil)
        #expect(other.isRetryable)
        let empty = APIResponse(status: 503).error(operationID: "op")
        #expect(empty.message == "HTTP 503")
        #expect(empty.bodySnippet == nil)
        #expect(empty.isRetryable)
    }

    @Test func truncatesLongBodiesToTheSnippetLimit() throws {
        let long = String(repeating: "x", count: 5000)
        let snippet = try #require(response(500, long).error(operationID: "op").bodySnippet)
        #expect(KafkaRESTError.bodySnippetLimit == 1024)
        #expect(snippet == String(repeating: "x", count: 1024) + "…")
        let exact = try #require(response(500, String(repeating: "y", count: 1024)).error(operationID: "op").bodySnippet)
        #expect(exact == String(repeating: "y", count: 1024))
    }

    @Test func truncatesOnCharacterBoundaries() throws {
        let combining = String(repeating: "e\u{301}", count: 1500)
        let snippet = try #require(response(500, combining).error(operationID: "op").bodySnippet)
        #expect(snippet.count == 1025)
        #expect(snippet.dropLast().allSatisfy { $0 == "e\u{301}" })
        #expect(snippet.hasSuffix("…"))
        let flags = String(repeating: "🇨🇭", count: 3000)
        let flagSnippet = try #require(response(500, flags).error(operationID: "op").bodySnippet)
        #expect(flagSnippet == String(repeating: "🇨🇭", count: 1024) + "…")
    }
}
