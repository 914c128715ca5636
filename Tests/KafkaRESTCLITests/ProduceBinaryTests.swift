import Foundation
import KafkaRESTTesting
import Testing

@Suite("kafka-rest executable: produce formats")
struct ProduceBinaryTests {
    @Test("--print-only prints the wire JSON with no endpoint configured; bad flags exit 2")
    func printOnly() async throws {
        guard let url = BuiltBinary.url else {
            print("skipped: kafka-rest executable not found next to the tests or in .build/debug")
            return
        }
        let arguments = ["produce", "orders", "--print-only", "--value-format", "avro", "--value-schema-id", "7", "--header", "h=v", #"{"id": 1}"#]
        let run = try await BuiltBinary.run(url, arguments, environment: [:])
        #expect(run.status == 0, "\(run.stderr)")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let value = try #require(record["value"] as? [String: Any])
        #expect(value["type"] as? String == "AVRO")
        #expect(value["schema_id"] as? Int == 7)
        #expect((record["headers"] as? [[String: Any]])?.first?["value"] as? String == "dg==")

        let refused = try await BuiltBinary.run(url, ["produce", "orders", "--print-only", "--value-format", "protobuf", "1"], environment: [:])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--value-format protobuf needs a schema"), "\(refused.stderr)")
    }

    @Test("--parse-key with --header against a test server, and --dry-run reaching it as dry_run=true")
    func parseKeyAndDryRun() async throws {
        guard let url = BuiltBinary.url else {
            print("skipped: kafka-rest executable not found next to the tests or in .build/debug")
            return
        }
        try await withServer { server, env in
            server.createTopic("orders", partitionsCount: 1)
            let arguments = ["produce", "orders", "--parse-key", "--value-format", "string", "--header", "trace:base64=AAE=", "k1:hello", "k2:world"]
            let run = try await BuiltBinary.run(url, arguments, environment: env)
            #expect(run.status == 0, "\(run.stderr)")
            let stored = server.records(topic: "orders")
            #expect(stored.map(\.key?.data?.value) == [.string("k1"), .string("k2")])
            #expect(stored.map(\.value?.data?.value) == [.string("hello"), .string("world")])
            #expect(stored.allSatisfy { $0.headers.first?.value?.value?.data == Data([0, 1]) })

            server.clearRequests()
            let dryRun = try await BuiltBinary.run(url, ["produce", "orders", "--dry-run", #"{"n": 1}"#], environment: env)
            #expect(dryRun.status == 0, "\(dryRun.stderr)")
            #expect(dryRun.stdout.contains(#""status":"checked""#), "\(dryRun.stdout)")
            #expect(server.requests.map { $0.queryValue("dry_run") } == ["true"])
            #expect(server.records(topic: "orders").count == 2)
        }
    }
}
