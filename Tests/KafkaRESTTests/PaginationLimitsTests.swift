import Foundation
@testable import KafkaREST
import Testing
import TransportDoubles

@Suite("Pagination limits")
struct PaginationLimitsTests {
    private func listTopics(_ client: Client) async throws -> TopicDataList {
        try await client.topic.listKafkaTopics(clusterID: "lkc-1")
    }

    private func page(_ index: Int) -> ScriptedTransport.Step {
        .json(200, topicPage(["t\(index)"], next: "\"https://pkc.example/kafka/v3/clusters/lkc-1/topics?page_token=\(index + 1)\""))
    }

    @Test("an endless chain of new next URLs stops after maximumPages pages with a clear error")
    func endlessChainStops() async throws {
        let transport = ScriptedTransport((0..<10).map(page))
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        var names: [String] = []
        let error = await #expect(throws: KafkaRESTError.self) {
            for try await topic in kafka.items(maximumPages: 3, listTopics) {
                names.append(topic.topicName)
            }
        }
        #expect(names == ["t0", "t1", "t2"])
        #expect(transport.requests.count == 3)
        #expect(error?.kind == .invalidRequest)
        #expect(error?.message == "the list has more than 3 pages; stopping at the page limit (raise maximumPages to read further)")
    }

    @Test("a list of exactly maximumPages pages ends normally")
    func exactlyAtTheLimit() async throws {
        let transport = ScriptedTransport([page(0), .json(200, topicPage(["t1"], next: "null"))])
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        var pages = 0
        for try await _ in kafka.pages(maximumPages: 2, listTopics, next: { $0.metadata.next?.value }) {
            pages += 1
        }
        #expect(pages == 2)
    }

    @Test("the default limit is 10,000 pages")
    func defaultLimit() {
        #expect(KafkaRESTClient.defaultMaximumPages == 10_000)
    }

    @Test("a next URL with a dot segment is refused before sending, in any spelling", arguments: [
        "https://pkc.example/kafka/v3/../admin",
        "https://pkc.example/kafka/v3/%2e%2e/admin",
        "https://pkc.example/kafka/v3/%2E%2e/admin",
        "https://pkc.example/kafka/v3/.%2E/admin",
        "https://pkc.example/kafka/v3/./clusters",
        "https://pkc.example/kafka/../kafka/v3/clusters",
    ])
    func dotSegmentsRefused(next: String) async throws {
        let transport = ScriptedTransport([.json(200, topicPage(["a"], next: "\"\(next)\"")), .json(200, topicPage(["b"], next: "null"))])
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        let error = await #expect(throws: KafkaRESTError.self) {
            for try await _ in kafka.pages(listTopics, next: { $0.metadata.next?.value }) {}
        }
        #expect(error?.message.contains("has a '.' or '..' segment") == true, "\(String(describing: error))")
        #expect(transport.requests.count == 1)
    }
}
