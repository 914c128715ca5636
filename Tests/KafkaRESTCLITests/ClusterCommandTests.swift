import Foundation
import KafkaRESTTesting
import Testing

@Suite("kafka-rest cluster")
struct ClusterCommandTests {
    @Test("cluster list needs no cluster id; cluster describe shows the configured one")
    func listAndDescribe() async throws {
        try await withServer { server, env in
            var noCluster = env
            noCluster["KAFKA_REST_CLUSTER_ID"] = nil
            let listed = await runCLI(["cluster", "list"], environment: noCluster)
            #expect(listed.status == 0, "\(listed.stderr)")
            let ids = try listed.jsonLines().map { $0["cluster_id"] as? String }
            #expect(ids == [server.clusterID])

            let described = await runCLI(["cluster", "describe", "--output", "table"], environment: env)
            #expect(described.status == 0, "\(described.stderr)")
            #expect(described.stdout.hasPrefix("CLUSTER_ID  \(server.clusterID)\n"))
        }
    }
}
