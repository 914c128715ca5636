import Foundation
import KafkaRESTTesting
import Testing

@Suite("kafka-rest configs")
struct ConfigCommandTests {
    @Test("alter sets and resets topic configs; get and list read them back")
    func alterAndReadBack() async throws {
        try await withServer { server, env in
            server.createTopic("orders", configs: ["cleanup.policy": "compact"])
            let altered = await runCLI(
                ["configs", "topic", "alter", "orders", "retention.ms=86400000", "max.message.bytes=2097152", "--delete", "cleanup.policy"],
                environment: env
            )
            #expect(altered.status == 0, "\(altered.stderr)")
            #expect(server.topic(named: "orders")?.configs["retention.ms"] == "86400000")
            #expect(server.topic(named: "orders")?.configs["cleanup.policy"] == nil)

            let got = await runCLI(["configs", "topic", "get", "orders", "retention.ms"], environment: env)
            #expect(got.status == 0)
            let config = try #require(try got.jsonLines().first)
            #expect(config["name"] as? String == "retention.ms")
            #expect(config["value"] as? String == "86400000")

            let listed = await runCLI(["configs", "topic", "list", "orders", "--output", "table"], environment: env)
            #expect(listed.status == 0)
            #expect(listed.stdout.hasPrefix("NAME"))
            #expect(listed.stdout.contains("max.message.bytes"))
        }
    }

    @Test("set and delete one topic config")
    func setAndDelete() async throws {
        try await withServer { server, env in
            server.createTopic("orders")
            let set = await runCLI(["configs", "topic", "set", "orders", "retention.ms", "5000", "--output", "table"], environment: env)
            #expect(set.status == 0, "\(set.stderr)")
            #expect(set.stdout == "Set retention.ms=5000 on topic orders.\n")
            #expect(server.topic(named: "orders")?.configs["retention.ms"] == "5000")

            let deleted = await runCLI(["configs", "topic", "delete", "orders", "retention.ms"], environment: env)
            #expect(deleted.status == 0, "\(deleted.stderr)")
            #expect(server.topic(named: "orders")?.configs["retention.ms"] == nil)
        }
    }

    @Test("alter rejects an argument without '=' before sending")
    func badSetting() async throws {
        try await withServer { server, env in
            server.createTopic("orders")
            let run = await runCLI(["configs", "topic", "alter", "orders", "retention.ms"], environment: env)
            #expect(run.status == 2)
            #expect(run.stderr.contains("'retention.ms' is not name=value"))
            #expect(server.requests.isEmpty)
        }
    }

    @Test("delete with a config name of '..' or '.' exits 2 and sends nothing", arguments: ["..", "."])
    func dotConfigName(name: String) async throws {
        try await withServer { server, env in
            server.createTopic("orders", configs: ["cleanup.policy": "compact"])
            let run = await runCLI(["configs", "topic", "delete", "orders", name], environment: env)
            #expect(run.status == 2, "\(run.stderr)")
            #expect(run.stderr.contains("deleteKafkaTopicConfig failed: path parameter {name}"), "\(run.stderr)")
            #expect(server.requests.isEmpty)
            #expect(server.topic(named: "orders")?.configs["cleanup.policy"] == "compact")
        }
    }
}
