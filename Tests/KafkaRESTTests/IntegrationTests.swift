import Foundation
import KafkaREST
import KafkaRESTTesting
import Testing

@Suite("Integration: KafkaRESTClient against KafkaRESTTestServer with Basic auth")
struct IntegrationTests {
    /// The `Authorization` header the server expects.
    static let basicAuthorization = "Basic " + Data("\(integrationCredentials.key):\(integrationCredentials.secret)".utf8).base64EncodedString()

    @Test("topics: create, list, get, delete")
    func topics() async throws {
        try await withIntegrationClient { server, kafka in
            let clusterID = try kafka.requireClusterID()
            let created = try await kafka.topic.createKafkaTopic(
                clusterID: clusterID,
                body: CreateTopicRequestData(
                    topicName: "orders",
                    partitionsCount: 3,
                    configs: [CreateTopicRequestDataConfigsItem(name: "retention.ms", value: .value("3600000"))]
                )
            )
            #expect(created.topicName == "orders")
            #expect(created.partitionsCount == 3)
            _ = try await kafka.topic.createKafkaTopic(clusterID: clusterID, body: CreateTopicRequestData(topicName: "audit"))

            let listed = try await kafka.topic.listKafkaTopics(clusterID: clusterID)
            #expect(listed.data.map(\.topicName) == ["audit", "orders"])
            #expect(try await kafka.topic.getKafkaTopic(clusterID: clusterID, topicName: "orders").partitionsCount == 3)

            try await kafka.topic.deleteKafkaTopic(clusterID: clusterID, topicName: "orders")
            #expect(try await kafka.topic.listKafkaTopics(clusterID: clusterID).data.map(\.topicName) == ["audit"])
            #expect(server.topics.map(\.name) == ["audit"])

            let missing = await #expect(throws: KafkaRESTError.self) {
                try await kafka.topic.getKafkaTopic(clusterID: clusterID, topicName: "orders")
            }
            #expect(missing?.status == 404)
            #expect(missing?.errorCode == 40403)

            #expect(server.requests.count == 7)
            #expect(server.requests.allSatisfy { $0.headers["Authorization"] == Self.basicAuthorization })
        }
    }

    @Test("topic configs: alter a batch, then read it back")
    func alterTopicConfigs() async throws {
        try await withIntegrationClient { server, kafka in
            let clusterID = try kafka.requireClusterID()
            _ = try await kafka.topic.createKafkaTopic(
                clusterID: clusterID,
                body: CreateTopicRequestData(
                    topicName: "orders",
                    configs: [CreateTopicRequestDataConfigsItem(name: "cleanup.policy", value: .value("compact"))]
                )
            )
            try await kafka.configs.updateKafkaTopicConfigBatch(
                clusterID: clusterID,
                topicName: "orders",
                body: AlterConfigBatchRequestData(data: [
                    AlterConfigBatchRequestDataDataItem(name: "retention.ms", value: .value("1000"), operation: .value(.set)),
                    AlterConfigBatchRequestDataDataItem(name: "segment.bytes", value: .value("2048")),
                    AlterConfigBatchRequestDataDataItem(name: "cleanup.policy", operation: .value(.delete)),
                ])
            )

            let retention = try await kafka.configs.getKafkaTopicConfig(clusterID: clusterID, topicName: "orders", name: "retention.ms")
            #expect(retention.value == .value("1000"))
            #expect(retention.isDefault == false)
            #expect(retention.source == .dynamicTopicConfig)

            let configs = try await kafka.configs.listKafkaTopicConfigs(clusterID: clusterID, topicName: "orders")
            let values = Dictionary(uniqueKeysWithValues: configs.data.map { ($0.name, $0.value?.value) })
            #expect(values["retention.ms"] == "1000")
            #expect(values["segment.bytes"] == "2048")
            #expect(values["cleanup.policy"] == "delete")
            #expect(server.topic(named: "orders")?.configs == ["retention.ms": "1000", "segment.bytes": "2048"])
        }
    }

    @Test("ACLs: create, list with filters, delete")
    func acls() async throws {
        try await withIntegrationClient { server, kafka in
            let clusterID = try kafka.requireClusterID()
            for (name, principal) in [("orders", "User:alice"), ("payments", "User:bob")] {
                try await kafka.acl.createKafkaAcls(
                    clusterID: clusterID,
                    body: CreateAclRequestData(
                        resourceType: .topic, resourceName: name, patternType: .literal,
                        principal: principal, host: "*", operation: .read, permission: .allow
                    )
                )
            }
            #expect(try await kafka.acl.getKafkaAcls(clusterID: clusterID).data.count == 2)
            let alice = try await kafka.acl.getKafkaAcls(clusterID: clusterID, principal: "User:alice")
            #expect(alice.data.map(\.resourceName) == ["orders"])
            #expect(alice.data.first?.operation == .read)

            let deleted = try await kafka.acl.deleteKafkaAcls(
                clusterID: clusterID, resourceType: .topic, resourceName: "orders", patternType: .literal,
                operation: .any, permission: .any
            )
            #expect(deleted.data.map(\.principal) == ["User:alice"])
            #expect(try await kafka.acl.getKafkaAcls(clusterID: clusterID).data.map(\.resourceName) == ["payments"])
            #expect(server.acls.map(\.resourceName) == ["payments"])
        }
    }

    @Test("wrong credentials: the server's 401 reaches the caller as KafkaRESTError 40101")
    func wrongCredentials() async throws {
        try await withIntegrationClient(secret: "wrong") { server, kafka in
            let error = await #expect(throws: KafkaRESTError.self) {
                try await kafka.topic.listKafkaTopics(clusterID: kafka.requireClusterID())
            }
            #expect(error?.kind == .http)
            #expect(error?.status == 401)
            #expect(error?.errorCode == 40101)
            #expect(server.requests.count == 1)
        }
    }

    @Test("a 429 HTML page is retried: the GET succeeds on the second attempt")
    func rateLimitedIsRetried() async throws {
        try await withIntegrationClient { server, kafka in
            server.createTopic("orders")
            server.inject(.rateLimitedHTML)
            let topics = try await kafka.topic.listKafkaTopics(clusterID: kafka.requireClusterID())
            #expect(topics.data.map(\.topicName) == ["orders"])
            #expect(server.requests.count == 2)
            #expect(server.requests.allSatisfy { $0.operationID == "listKafkaTopics" })
        }
    }

    @Test("a 503 on a POST is not retried")
    func unavailablePostIsNotRetried() async throws {
        try await withIntegrationClient { server, kafka in
            server.inject(.status(503, errorCode: 50301, message: "Service unavailable"), matching: "createKafkaTopic")
            let error = await #expect(throws: KafkaRESTError.self) {
                try await kafka.topic.createKafkaTopic(clusterID: kafka.requireClusterID(), body: CreateTopicRequestData(topicName: "orders"))
            }
            #expect(error?.status == 503)
            #expect(error?.errorCode == 50301)
            #expect(server.requests.count == 1)
            #expect(server.topic(named: "orders") == nil)
        }
    }

    @Test("a connection closed without answer: a GET is retried, a POST is not")
    func closedConnection() async throws {
        try await withIntegrationClient { server, kafka in
            let clusterID = try kafka.requireClusterID()
            server.inject(.closeConnection)
            #expect(try await kafka.cluster.getKafkaCluster(clusterID: clusterID).clusterID == clusterID)
            #expect(server.requests.count == 2)

            server.clearRequests()
            server.inject(.closeConnection)
            let error = await #expect(throws: KafkaRESTError.self) {
                try await kafka.topic.createKafkaTopic(clusterID: clusterID, body: CreateTopicRequestData(topicName: "orders"))
            }
            #expect(error?.kind == .transport)
            #expect((error?.underlyingError as? TransportFailure)?.phase == .awaitingResponse)
            #expect(server.requests.count == 1)
        }
    }
}
