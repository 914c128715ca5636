import Foundation
import KafkaRESTTesting
import Testing

@Suite("kafka-rest acls")
struct ACLCommandTests {
    @Test("create, list with a filter, and delete ACLs")
    func lifecycle() async throws {
        try await withServer { server, env in
            for (topic, operation) in [("orders", "read"), ("payments", "WRITE")] {
                let created = await runCLI(
                    ["acls", "create", "--resource-type", "topic", "--resource-name", topic, "--principal", "User:alice", "--operation", operation],
                    environment: env
                )
                #expect(created.status == 0, "\(created.stderr)")
            }
            #expect(server.acls.count == 2)
            #expect(server.acls.first?.operation == .read)
            #expect(server.acls.first?.host == "*")
            #expect(server.acls.first?.permission == .allow)

            let listed = await runCLI(["acls", "list", "--resource-name", "orders"], environment: env)
            #expect(listed.status == 0, "\(listed.stderr)")
            let acls = try listed.jsonLines()
            #expect(acls.count == 1)
            #expect(acls.first?["operation"] as? String == "READ")

            let deleted = await runCLI(
                ["acls", "delete", "--resource-type", "TOPIC", "--pattern-type", "ANY", "--operation", "ANY", "--permission", "ANY", "--resource-name", "payments"],
                environment: env
            )
            #expect(deleted.status == 0, "\(deleted.stderr)")
            #expect(try deleted.jsonLines().first?["resource_name"] as? String == "payments")
            #expect(server.acls.map(\.resourceName) == ["orders"])
        }
    }

    @Test("an unknown resource type is a usage error")
    func unknownResourceType() async {
        let run = await runCLI(["acls", "list", "--resource-type", "queue"], environment: ["KAFKA_REST_ENDPOINT": "http://127.0.0.1:1", "KAFKA_REST_CLUSTER_ID": "c"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--resource-type 'queue' is not one of"))
    }
}
