import Foundation
import KafkaREST
import KafkaRESTTesting
import Testing

@Suite("KafkaRESTTestServer: topics and topic configs")
struct TestServerTopicTests {
    @Test("create answers 201 with the topic, honouring partitions_count, replication_factor and configs")
    func create() async throws {
        try await withServerAndClient { server, client in
            let response = try await client.send(
                .post,
                "/clusters/{c}/topics",
                json: #"{"topic_name":"orders","partitions_count":6,"replication_factor":3,"configs":[{"name":"retention.ms","value":"1000"},{"name":"cleanup.policy","value":null}]}"#
            )
            #expect(response.status == 201)
            let topic = try JSONDecoder().decode(TopicData.self, from: response.body)
            let url = "\(server.baseURL.absoluteString)/clusters/test-cluster/topics/orders"
            #expect(topic.kind == "KafkaTopic")
            #expect(topic.metadata.selfValue == url)
            #expect(topic.metadata.resourceName == .value("crn:///kafka=test-cluster/topic=orders"))
            #expect(topic.clusterID == "test-cluster")
            #expect(topic.partitionsCount == 6)
            #expect(topic.replicationFactor == 3)
            #expect(topic.isInternal == false)
            #expect(topic.configs.related == "\(url)/configs")
            #expect(topic.partitions.related == "\(url)/partitions")
            #expect(server.topic(named: "orders") == KafkaRESTTestServer.Topic(
                name: "orders", partitionsCount: 6, replicationFactor: 3, configs: ["retention.ms": "1000"]
            ))
        }
    }

    @Test("create with defaults, validate_only, an existing name, an illegal name or a bad body")
    func createErrors() async throws {
        try await withServerAndClient { server, client in
            let plain = try await client.send(.post, "/clusters/{c}/topics", json: #"{"topic_name":"a"}"#)
            #expect(plain.status == 201)
            #expect(server.topic(named: "a")?.partitionsCount == 1)

            let validateOnly = try await client.send(.post, "/clusters/{c}/topics", json: #"{"topic_name":"b","validate_only":true}"#)
            #expect(validateOnly.status == 200)
            #expect(server.topic(named: "b") == nil)

            let existing = try await client.send(.post, "/clusters/{c}/topics", json: #"{"topic_name":"a"}"#)
            #expect(existing.status == 400)
            #expect(existing.errorCode == 40002)

            let illegal = try await client.send(.post, "/clusters/{c}/topics", json: #"{"topic_name":"no/slash"}"#)
            #expect(illegal.status == 400)
            #expect(illegal.errorCode == 40002)

            let zero = try await client.send(.post, "/clusters/{c}/topics", json: #"{"topic_name":"z","partitions_count":0}"#)
            #expect(zero.status == 400)

            let notJSON = try await client.send(.post, "/clusters/{c}/topics", json: "topic_name=a")
            #expect(notJSON.status == 400)
            #expect(notJSON.errorCode == 400)

            let wrongShape = try await client.send(.post, "/clusters/{c}/topics", json: #"{"name":"a"}"#)
            #expect(wrongShape.status == 400)

            let empty = try await client.send(.post, "/clusters/{c}/topics", json: "")
            #expect(empty.status == 400)

            let text = try await client.send(.post, "/clusters/{c}/topics", json: #"{"topic_name":"t"}"#, contentType: "text/plain")
            #expect(text.status == 415)
            #expect(text.errorCode == 415)
            #expect(server.topics.map(\.name) == ["a"])
        }
    }

    @Test("list is sorted by name; get, delete and get again")
    func listGetDelete() async throws {
        try await withServerAndClient { server, client in
            server.createTopic("zeta")
            server.createTopic("alpha", partitionsCount: 2)
            let list = try JSONDecoder().decode(TopicDataList.self, from: try await client.send(.get, "/clusters/{c}/topics").body)
            #expect(list.kind == "KafkaTopicList")
            #expect(list.metadata.selfValue == "\(server.baseURL.absoluteString)/clusters/test-cluster/topics")
            #expect(list.data.map(\.topicName) == ["alpha", "zeta"])

            let one = try await client.send(.get, "/clusters/{c}/topics/alpha")
            #expect(one.status == 200)
            #expect(try JSONDecoder().decode(TopicData.self, from: one.body).partitionsCount == 2)

            #expect(try await client.send(.delete, "/clusters/{c}/topics/alpha").status == 204)
            let gone = try await client.send(.get, "/clusters/{c}/topics/alpha")
            #expect(gone.status == 404)
            #expect(gone.errorCode == 40403)
            #expect(try await client.send(.delete, "/clusters/{c}/topics/alpha").status == 404)
            #expect(server.topics.map(\.name) == ["zeta"])
        }
    }

    @Test("PATCH raises the partition count and refuses to lower it")
    func partitionCount() async throws {
        try await withServerAndClient { server, client in
            server.createTopic("t", partitionsCount: 2)
            let raised = try await client.send(.patch, "/clusters/{c}/topics/t", json: #"{"partitions_count":5}"#)
            #expect(raised.status == 200)
            #expect(try JSONDecoder().decode(TopicData.self, from: raised.body).partitionsCount == 5)
            #expect(server.topic(named: "t")?.partitionsCount == 5)

            let lowered = try await client.send(.patch, "/clusters/{c}/topics/t", json: #"{"partitions_count":3}"#)
            #expect(lowered.status == 400)
            #expect(lowered.errorCode == 40002)
            #expect(try await client.send(.patch, "/clusters/{c}/topics/none", json: #"{"partitions_count":3}"#).status == 404)
        }
    }

    @Test("configs list defaults and the topic's own values; get one; unknown is 404")
    func listConfigs() async throws {
        try await withServerAndClient { server, client in
            server.createTopic("t", configs: ["retention.ms": "5000", "custom.setting": "x"])
            let response = try await client.send(.get, "/clusters/{c}/topics/t/configs")
            #expect(response.status == 200)
            let list = try JSONDecoder().decode(TopicConfigDataList.self, from: response.body)
            #expect(list.kind == "KafkaTopicConfigList")
            let byName = Dictionary(uniqueKeysWithValues: list.data.map { ($0.name, $0) })
            #expect(byName["retention.ms"]?.value == .value("5000"))
            #expect(byName["retention.ms"]?.isDefault == false)
            #expect(byName["retention.ms"]?.source == .dynamicTopicConfig)
            #expect(byName["cleanup.policy"]?.value == .value("delete"))
            #expect(byName["cleanup.policy"]?.isDefault == true)
            #expect(byName["cleanup.policy"]?.source == .defaultConfig)
            #expect(byName["custom.setting"]?.value == .value("x"))
            #expect(list.data.map(\.name) == list.data.map(\.name).sorted())

            let one = try JSONDecoder().decode(TopicConfigData.self, from: try await client.send(.get, "/clusters/{c}/topics/t/configs/retention.ms").body)
            #expect(one.kind == "KafkaTopicConfig")
            #expect(one.topicName == "t")
            #expect(one.metadata.selfValue == "\(server.baseURL.absoluteString)/clusters/test-cluster/topics/t/configs/retention.ms")

            #expect(try await client.send(.get, "/clusters/{c}/topics/t/configs/no.such").status == 404)
            #expect(try await client.send(.get, "/clusters/{c}/topics/none/configs").status == 404)

            let all = try JSONDecoder().decode(TopicConfigDataList.self, from: try await client.send(.get, "/clusters/{c}/topics/-/configs").body)
            #expect(all.data.contains { $0.topicName == "t" && $0.name == "retention.ms" })
        }
    }

    @Test("PUT sets one config, DELETE reverts it to the default")
    func putAndDeleteConfig() async throws {
        try await withServerAndClient { server, client in
            server.createTopic("t")
            #expect(try await client.send(.put, "/clusters/{c}/topics/t/configs/retention.ms", json: #"{"value":"42"}"#).status == 204)
            #expect(server.topic(named: "t")?.configs == ["retention.ms": "42"])
            #expect(try await client.send(.delete, "/clusters/{c}/topics/t/configs/retention.ms").status == 204)
            #expect(server.topic(named: "t")?.configs == [:])
            let reverted = try JSONDecoder().decode(TopicConfigData.self, from: try await client.send(.get, "/clusters/{c}/topics/t/configs/retention.ms").body)
            #expect(reverted.value == .value("604800000"))
            #expect(reverted.isDefault)
            #expect(try await client.send(.delete, "/clusters/{c}/topics/t/configs/no.such").status == 404)
        }
    }

    @Test("configs:alter applies SET and DELETE together; validate_only changes nothing; a bad operation changes nothing")
    func alterConfigs() async throws {
        try await withServerAndClient { server, client in
            server.createTopic("t", configs: ["retention.ms": "1", "cleanup.policy": "compact"])
            let alter = try await client.send(
                .post,
                "/clusters/{c}/topics/t/configs:alter",
                json: #"{"data":[{"name":"retention.ms","value":"99"},{"name":"segment.bytes","value":"1024","operation":"SET"},{"name":"cleanup.policy","operation":"DELETE"}]}"#
            )
            #expect(alter.status == 204)
            #expect(server.topic(named: "t")?.configs == ["retention.ms": "99", "segment.bytes": "1024"])

            let dry = try await client.send(.post, "/clusters/{c}/topics/t/configs:alter", json: #"{"data":[{"name":"retention.ms","operation":"DELETE"}],"validate_only":true}"#)
            #expect(dry.status == 204)
            #expect(server.topic(named: "t")?.configs["retention.ms"] == "99")

            let bad = try await client.send(.post, "/clusters/{c}/topics/t/configs:alter", json: #"{"data":[{"name":"retention.ms","operation":"DELETE"},{"name":"x","operation":"APPEND"}]}"#)
            #expect(bad.status == 400)
            #expect(server.topic(named: "t")?.configs["retention.ms"] == "99")
        }
    }
}
