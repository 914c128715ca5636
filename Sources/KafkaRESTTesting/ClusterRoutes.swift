import KafkaRESTAPI

/// `GET /clusters` and `GET /clusters/{cluster_id}`: the one cluster the test server fronts.
enum ClusterRoutes {
    static let all: [Route] = [
        Route("GET", "/clusters", "listKafkaClusters") { request, _ in
            .json(ClusterDataList(
                kind: "KafkaClusterList",
                metadata: ResourceCollectionMetadata(selfValue: "\(request.links.base)/clusters", next: .null),
                data: [clusterData(request.links)]
            ))
        },
        Route("GET", "/clusters/{cluster_id}", "getKafkaCluster") { request, _ in
            .json(clusterData(request.links))
        },
    ]

    static func clusterData(_ links: ResourceLinks) -> ClusterData {
        let cluster = links.cluster
        return ClusterData(
            kind: "KafkaCluster",
            metadata: ResourceMetadata(selfValue: cluster, resourceName: .value(links.clusterResourceName)),
            clusterID: links.clusterID,
            controller: Relationship(related: "\(cluster)/brokers/1"),
            acls: Relationship(related: "\(cluster)/acls"),
            brokers: Relationship(related: "\(cluster)/brokers"),
            brokerConfigs: Relationship(related: "\(cluster)/broker-configs"),
            consumerGroups: Relationship(related: "\(cluster)/consumer-groups"),
            topics: Relationship(related: "\(cluster)/topics"),
            partitionReassignments: Relationship(related: "\(cluster)/topics/-/partitions/-/reassignment")
        )
    }
}
