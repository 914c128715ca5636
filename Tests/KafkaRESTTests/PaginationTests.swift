import Foundation
@testable import KafkaREST
import Testing
import TransportDoubles

@Suite("Pagination")
struct PaginationTests {
    private let page2 = "https://pkc.example:443/kafka/v3/clusters/lkc-1/topics?page_token=abc%3D&page_size=2"
    private let page3 = "https://PKC.example/kafka/v3/clusters/lkc-1/topics?page_token=def"

    private func threePages() -> ScriptedTransport {
        ScriptedTransport([
            .json(200, topicPage(["a", "b"], next: "\"\(page2)\"")),
            .json(200, topicPage(["c", "d"], next: "\"\(page3)\"")),
            .json(200, topicPage(["e"], next: "null")),
        ])
    }

    private func listTopics(_ client: Client) async throws -> TopicDataList {
        try await client.topic.listKafkaTopics(clusterID: "lkc-1")
    }

    @Test("pages follows metadata.next across three pages through the middleware chain")
    func threePagesFetched() async throws {
        let transport = threePages()
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        var names: [[String]] = []
        for try await page in kafka.pages({ try await $0.topic.listKafkaTopics(clusterID: "lkc-1") }, next: { $0.metadata.next?.value }) {
            names.append(page.data.map(\.topicName))
        }
        #expect(names == [["a", "b"], ["c", "d"], ["e"]])

        let requests = transport.requests
        #expect(requests.map(\.operationID) == ["listKafkaTopics", "nextPage", "nextPage"])
        #expect(requests.map(\.path) == ["/clusters/lkc-1/topics", "/clusters/lkc-1/topics", "/clusters/lkc-1/topics"])
        #expect(requests[1].method == .get)
        #expect(requests[1].pathTemplate == "(next page)")
        #expect(requests[1].query == [.init(name: "page_token", value: "abc="), .init(name: "page_size", value: "2")])
        #expect(requests[2].query == [.init(name: "page_token", value: "def")])
        #expect(requests[1].url(relativeTo: kafka.configuration.baseURL).absoluteString
            == "https://pkc.example/kafka/v3/clusters/lkc-1/topics?page_token=abc%3D&page_size=2")
        #expect(requests.allSatisfy { $0.headers["Authorization"]?.hasPrefix("Basic ") == true })
    }

    @Test("items flattens the pages in order")
    func itemsAcrossPages() async throws {
        let transport = threePages()
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        var names: [String] = []
        for try await topic in kafka.items(listTopics, items: { $0.data }, next: { $0.metadata.next?.value }) {
            names.append(topic.topicName)
        }
        #expect(names == ["a", "b", "c", "d", "e"])
        #expect(transport.requests.count == 3)
    }

    @Test("items over a generated list type needs only the first call")
    func itemsOfPagedCollection() async throws {
        let transport = threePages()
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        var names: [String] = []
        for try await topic in kafka.items({ try await $0.topic.listKafkaTopics(clusterID: "lkc-1") }) {
            names.append(topic.topicName)
        }
        #expect(names == ["a", "b", "c", "d", "e"])
        #expect(transport.requests.map(\.operationID) == ["listKafkaTopics", "nextPage", "nextPage"])
    }

    @Test("pages are fetched only as they are consumed")
    func fetchedOnDemand() async throws {
        let transport = threePages()
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        var iterator = kafka.pages(listTopics, next: { $0.metadata.next?.value }).makeAsyncIterator()
        _ = try await iterator.next()
        #expect(transport.requests.count == 1)
    }

    @Test("a null, missing or empty next ends the stream after one page", arguments: ["null", "\"\""])
    func stopsOnNull(next: String) async throws {
        let transport = ScriptedTransport([.json(200, topicPage(["a"], next: next)), .json(200, topicPage(["b"], next: "null"))])
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        var count = 0
        for try await _ in kafka.pages(listTopics, next: { $0.metadata.next?.value }) {
            count += 1
        }
        #expect(count == 1)
        #expect(transport.requests.count == 1)
    }

    @Test("a next URL on another host, scheme or port is refused before sending", arguments: [
        ("https://evil.example/kafka/v3/clusters/lkc-1/topics?page_token=x", "https://evil.example:443"),
        ("http://pkc.example/kafka/v3/clusters/lkc-1/topics", "http://pkc.example:80"),
        ("https://pkc.example:8443/kafka/v3/clusters/lkc-1/topics", "https://pkc.example:8443"),
    ])
    func foreignNextRefused(next: String, origin: String) async throws {
        let transport = ScriptedTransport([.json(200, topicPage(["a"], next: "\"\(next)\"")), .json(200, topicPage(["b"], next: "null"))])
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        var pages = 0
        let error = try await #require(throws: KafkaRESTError.self) {
            for try await _ in kafka.pages(listTopics, next: { $0.metadata.next?.value }) {
                pages += 1
            }
        }
        #expect(pages == 1)
        #expect(error.kind == .invalidRequest)
        #expect(error.message == "refusing to fetch the next page from \(origin): it is not the configured server https://pkc.example:443, and credentials are only sent there")
        #expect(transport.requests.count == 1)
    }

    @Test("a next URL outside the base path is refused")
    func nextOutsideBasePathRefused() async throws {
        let transport = ScriptedTransport([.json(200, topicPage(["a"], next: "\"https://pkc.example/admin/v3/x\""))])
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        await #expect {
            for try await _ in kafka.pages(listTopics, next: { $0.metadata.next?.value }) {}
        } throws: { ($0 as? KafkaRESTError)?.message == "the next page URL path /admin/v3/x is not below the base path /kafka/v3/" }
        #expect(transport.requests.count == 1)
    }

    @Test("a next URL seen before stops with an error instead of looping")
    func repeatedNextStops() async throws {
        let next = "\"https://pkc.example/kafka/v3/clusters/lkc-1/topics?page_token=same\""
        let transport = ScriptedTransport([.json(200, topicPage(["a"], next: next)), .json(200, topicPage(["b"], next: next))])
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        var pages = 0
        await #expect(throws: KafkaRESTError.self) {
            for try await _ in kafka.pages(listTopics, next: { $0.metadata.next?.value }) {
                pages += 1
            }
        }
        #expect(pages == 2)
        #expect(transport.requests.count == 2)
    }

    @Test("an error status on a next page ends the stream with the HTTP error")
    func errorOnNextPage() async throws {
        let transport = ScriptedTransport([
            .json(200, topicPage(["a"], next: "\"\(page2)\"")),
            .json(404, #"{"error_code":40403,"message":"gone"}"#),
        ])
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        await #expect {
            for try await _ in kafka.pages(listTopics, next: { $0.metadata.next?.value }) {}
        } throws: { error in
            guard let error = error as? KafkaRESTError else { return false }
            return error.status == 404 && error.errorCode == 40403 && error.operationID == "nextPage"
        }
    }

    @Test("cancelling the consuming task stops fetching")
    func cancellationStops() async throws {
        let transport = threePages()
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        let consumer = Task {
            var pages = 0
            for try await _ in kafka.pages(listTopics, next: { $0.metadata.next?.value }) {
                pages += 1
                withUnsafeCurrentTask { $0?.cancel() }
            }
            return pages
        }
        let pages = try? await consumer.value
        #expect(pages == nil || pages == 1)
        #expect(transport.requests.count == 1)
    }
}
