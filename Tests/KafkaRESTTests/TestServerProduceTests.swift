import Foundation
import KafkaREST
import KafkaRESTTesting
import Testing

@Suite("KafkaRESTTestServer: produce")
struct TestServerProduceTests {
    /// The delivery reports in a produce answer, one JSON object each.
    static func reports(_ response: APIResponse) throws -> [ProduceResponse] {
        try String(decoding: response.body, as: UTF8.self)
            .split(separator: "\n")
            .map { try JSONDecoder().decode(ProduceResponse.self, from: Data($0.utf8)) }
    }

    @Test("one record gets one delivery report and is stored")
    func single() async throws {
        try await withServerAndClient { server, client in
            server.createTopic("orders", partitionsCount: 3)
            let response = try await client.send(
                .post,
                "/clusters/{c}/topics/orders/records",
                json: #"{"partition_id":1,"headers":[{"name":"trace","value":"dHJhY2U="}],"key":{"type":"STRING","data":"k-1"},"value":{"type":"JSON","data":{"amount":5}},"timestamp":"2026-03-14T09:26:53.589Z"}"#
            )
            #expect(response.status == 200)
            let report = try JSONDecoder().decode(ProduceResponse.self, from: response.body)
            #expect(report.errorCode == 200)
            #expect(report.clusterID == "test-cluster")
            #expect(report.topicName == "orders")
            #expect(report.partitionID == 1)
            #expect(report.offset == 0)
            #expect(report.key?.value?.size == 3)
            #expect(report.key?.value?.type == .string)
            #expect(report.value?.value?.type == .json)

            let stored = server.records(topic: "orders", partition: 1)
            #expect(stored.count == 1)
            #expect(stored.first?.key?.data?.value == .string("k-1"))
            #expect(stored.first?.headers.first?.name == "trace")
            #expect(stored.first?.timestamp == report.timestamp?.value)
        }
    }

    @Test("records:batch answers 207 with successes and failures by entry id, and stores the successes")
    func batch() async throws {
        try await withServerAndClient { server, client in
            server.createTopic("orders", partitionsCount: 2)
            let body = #"{"entries":[{"id":"a","partition_id":1,"value":{"type":"STRING","data":"one"}},{"id":"b","partition_id":9,"value":{"type":"STRING","data":"lost"}},{"id":"c","partition_id":1,"key":{"type":"STRING","data":"k"},"value":{"type":"JSON","data":{"n":3}}}]}"#
            let response = try await client.send(.post, "/clusters/{c}/topics/orders/records:batch", json: body)
            #expect(response.status == 207)
            let answer = try JSONDecoder().decode(ProduceBatchResponse.self, from: response.body)
            #expect(answer.successes?.map(\.id) == ["a", "c"])
            #expect(answer.successes?.map(\.offset) == [0, 1])
            #expect(answer.successes?.map(\.partitionID) == [1, 1])
            #expect(answer.successes?.last?.key?.value?.size == 1)
            #expect(answer.failures?.map(\.id) == ["b"])
            #expect(answer.failures?.first?.errorCode == 404)
            #expect(server.records(topic: "orders", partition: 1).map { $0.value?.data?.value } == [.string("one"), .object(["n": .integer(3)])])
        }
    }

    @Test("records:batch refuses an empty batch and repeated ids with 400, storing nothing")
    func batchRefused() async throws {
        try await withServerAndClient { server, client in
            server.createTopic("orders", partitionsCount: 1)
            let repeated = try await client.send(
                .post,
                "/clusters/{c}/topics/orders/records:batch",
                json: #"{"entries":[{"id":"a","value":{"type":"STRING","data":"1"}},{"id":"a","value":{"type":"STRING","data":"2"}}]}"#
            )
            #expect(repeated.status == 400)
            #expect(repeated.text.contains("Entry 1 repeats the id a"), "\(repeated.text)")
            let empty = try await client.send(.post, "/clusters/{c}/topics/orders/records:batch", json: #"{"entries":[]}"#)
            #expect(empty.status == 400)
            #expect(empty.text.contains("no entries"), "\(empty.text)")
            let missingTopic = try await client.send(.post, "/clusters/{c}/topics/nope/records:batch", json: #"{"entries":[{"id":"a"}]}"#)
            #expect(missingTopic.status == 404)
            #expect(server.records(topic: "orders").isEmpty)
        }
    }

    @Test("records written back to back get one report each, in order, offsets counting per partition")
    func concatenated() async throws {
        try await withServerAndClient { server, client in
            server.createTopic("t", partitionsCount: 2)
            let body = [
                #"{"partition_id":0,"value":{"type":"STRING","data":"a"}}"#,
                #"{"partition_id":1,"value":{"type":"STRING","data":"b"}}"#,
                #"{"partition_id":0,"value":{"type":"STRING","data":"c \"}{\" d"}}"#,
                #"{"partition_id":7,"value":{"type":"STRING","data":"lost"}}"#,
                #"{"partition_id":0,"value":{"type":"STRING","data":"e"}}"#,
            ].joined(separator: " \n")
            let response = try await client.send(.post, "/clusters/{c}/topics/t/records", json: body)
            #expect(response.status == 200)
            let reports = try Self.reports(response)
            #expect(reports.map(\.errorCode) == [200, 200, 200, 404, 200])
            #expect(reports.map(\.partitionID) == [0, 1, 0, nil, 0])
            #expect(reports.map(\.offset) == [0, 0, 1, nil, 2])
            #expect(server.records(topic: "t", partition: 0).map { $0.value?.data?.value } == [.string("a"), .string("c \"}{\" d"), .string("e")])
            #expect(server.records(topic: "t").count == 4)
        }
    }

    @Test("records without partition go round-robin, or by key")
    func partitioning() async throws {
        try await withServerAndClient { server, client in
            server.createTopic("t", partitionsCount: 3)
            let unkeyed = Array(repeating: #"{"value":{"data":1}}"#, count: 3).joined()
            let spread = try Self.reports(try await client.send(.post, "/clusters/{c}/topics/t/records", json: unkeyed))
            #expect(Set(spread.compactMap(\.partitionID)) == [0, 1, 2])

            let keyed = Array(repeating: #"{"key":{"data":"same"},"value":{"data":1}}"#, count: 4).joined()
            let together = try Self.reports(try await client.send(.post, "/clusters/{c}/topics/t/records", json: keyed))
            #expect(Set(together.compactMap(\.partitionID)).count == 1)
        }
    }

    @Test("dry_run stores nothing; an unknown topic is 404; bad bodies are 400 or 415 and store nothing")
    func errors() async throws {
        try await withServerAndClient { server, client in
            server.createTopic("t")
            let dry = try await client.send(.post, "/clusters/{c}/topics/t/records", query: [("dry_run", "true")], json: #"{"value":{"data":1}}"#)
            #expect(try Self.reports(dry).map(\.errorCode) == [200])

            let unknown = try await client.send(.post, "/clusters/{c}/topics/none/records", json: #"{"value":{"data":1}}"#)
            #expect(unknown.status == 404)
            #expect(unknown.errorCode == 40403)

            for bad in ["", "[1,2]", #"{"value":{"data":1}} {"value":"#, #"{"partition_id":"one"}"#] {
                let response = try await client.send(.post, "/clusters/{c}/topics/t/records", json: bad)
                #expect(response.status == 400, "\(bad)")
            }
            let text = try await client.send(.post, "/clusters/{c}/topics/t/records", json: #"{"value":{"data":1}}"#, contentType: "text/plain")
            #expect(text.status == 415)
            #expect(server.records(topic: "t").isEmpty)
        }
    }
}
