import Testing
@testable import KafkaRESTGenerator

@Suite("Swift names from wire names")
struct NamingTests {
    @Test(arguments: [
        ("partitions_count", "partitionsCount"), ("cluster_id", "clusterID"), ("ID", "id"),
        ("is_internal", "isInternal"), ("reverse-and-start-mirror", "reverseAndStartMirror"),
        ("DESCRIBE_CONFIGS", "describeConfigs"), ("2PC", "_2Pc"), ("X-Request-Id", "xRequestID"),
    ])
    func memberNames(wire: String, swift: String) {
        #expect(SwiftNaming.memberName(wire) == swift)
    }

    @Test(arguments: [("AclData", "AclData"), ("topic_data", "TopicData"), ("Cluster Link", "ClusterLink"), ("v3.thing", "V3Thing")])
    func typeNames(wire: String, swift: String) {
        #expect(SwiftNaming.typeName(wire) == swift)
    }

    @Test func keywordsAreEscaped() {
        #expect(SwiftNaming.escaped("default") == "`default`")
        #expect(SwiftNaming.escaped("partitions") == "partitions")
    }

    @Test func scopesNumberClashes() {
        var scope = NameScope(reserved: ["Client"])
        #expect(scope.claim("Client") == "Client2")
        #expect(scope.claim("Topic") == "Topic")
        #expect(scope.claim("Topic") == "Topic2")
    }
}
