import Foundation
import KafkaRESTTesting
import Testing

@Suite("kafka-rest topics")
struct TopicCommandTests {
    @Test("create with configs, list, describe and delete a topic")
    func lifecycle() async throws {
        try await withServer { server, env in
            let created = await runCLI(
                ["topics", "create", "orders", "--partitions", "3", "--replication-factor", "2", "--config", "retention.ms=1000"],
                environment: env
            )
            #expect(created.status == 0, "\(created.stderr)")
            let topic = try #require(server.topic(named: "orders"))
            #expect(topic.partitionsCount == 3)
            #expect(topic.replicationFactor == 2)
            #expect(topic.configs["retention.ms"] == "1000")
            #expect(try created.jsonLines().first?["topic_name"] as? String == "orders")

            server.createTopic("payments")
            let listed = await runCLI(["topics", "list"], environment: env)
            #expect(listed.status == 0)
            let names = try listed.jsonLines().compactMap { $0["topic_name"] as? String }
            #expect(names.sorted() == ["orders", "payments"])

            let described = await runCLI(["topics", "describe", "orders", "--output", "table"], environment: env)
            #expect(described.status == 0)
            #expect(described.stdout.contains("PARTITIONS          3"))

            let deleted = await runCLI(["topics", "delete", "orders", "--output", "table"], environment: env)
            #expect(deleted.status == 0)
            #expect(deleted.stdout == "Deleted topic orders.\n")
            #expect(server.topic(named: "orders") == nil)
        }
    }

    @Test("table output has aligned columns")
    func table() async throws {
        try await withServer { server, env in
            server.createTopic("a-long-topic-name", partitionsCount: 12, replicationFactor: 3)
            server.createTopic("b", partitionsCount: 1)
            let run = await runCLI(["topics", "list", "--output", "table"], environment: env)
            #expect(run.status == 0)
            #expect(run.stdout == """
                NAME               PARTITIONS  REPLICATION_FACTOR  INTERNAL
                a-long-topic-name  12          3                   no
                b                  1           1                   no

                """)
        }
    }

    @Test("set-partitions raises the partition count")
    func setPartitions() async throws {
        try await withServer { server, env in
            server.createTopic("orders", partitionsCount: 2)
            let run = await runCLI(["topics", "set-partitions", "orders", "6"], environment: env)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(server.topic(named: "orders")?.partitionsCount == 6)
        }
    }

    @Test("--output json prints one JSON object per line")
    func jsonOutput() async throws {
        try await withServer { server, env in
            for name in ["t1", "t2", "t3"] {
                server.createTopic(name)
            }
            var table = env
            table["KAFKA_REST_OUTPUT"] = "table"
            let run = await runCLI(["topics", "list", "--output", "json"], environment: table)
            #expect(run.status == 0)
            let objects = try run.jsonLines()
            #expect(objects.count == 3)
            #expect(objects.allSatisfy { $0["kind"] as? String == "KafkaTopic" && $0["partitions_count"] is Int })
        }
    }
}

@Suite("kafka-rest topics --if-not-exists / --if-exists")
struct TopicIdempotenceTests {
    @Test("create --if-not-exists: an existing topic is success, printed as it is, and said so")
    func createIfNotExists() async throws {
        try await withServer { server, env in
            server.createTopic("orders", partitionsCount: 4)
            let plain = await runCLI(["topics", "create", "orders"], environment: env)
            #expect(plain.status == 3)
            let run = await runCLI(["topics", "create", "orders", "--partitions", "2", "--if-not-exists"], environment: env)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr == "Topic orders already exists; nothing created.\n")
            let partitions = try run.jsonLines().first?["partitions_count"] as? Int
            #expect(partitions == 4)
            #expect(server.topic(named: "orders")?.partitionsCount == 4)

            let fresh = await runCLI(["topics", "create", "payments", "--if-not-exists"], environment: env)
            #expect(fresh.status == 0)
            #expect(fresh.stderr.isEmpty)
            #expect(server.topic(named: "payments") != nil)

            let invalid = await runCLI(["topics", "create", "bad", "--partitions", "0", "--if-not-exists"], environment: env)
            #expect(invalid.status == 3, "a 400 for another reason stays an error: \(invalid.stderr)")
            #expect(invalid.stderr.contains("Number of partitions"))
        }
    }

    @Test("delete --if-exists: a missing topic is success, but an unknown cluster is not")
    func deleteIfExists() async throws {
        try await withServer { server, env in
            server.createTopic("orders")
            let plain = await runCLI(["topics", "delete", "missing"], environment: env)
            #expect(plain.status == 3)
            let run = await runCLI(["topics", "delete", "missing", "orders", "--if-exists", "--output", "table"], environment: env)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr == "Topic missing does not exist; nothing deleted.\n")
            #expect(run.stdout == "Deleted topic orders.\n")
            #expect(server.topic(named: "orders") == nil)

            let wrongCluster = await runCLI(["topics", "delete", "x", "--if-exists", "--cluster", "no-such-cluster"], environment: env)
            #expect(wrongCluster.status == 3, "\(wrongCluster.stderr)")
        }
    }
}
