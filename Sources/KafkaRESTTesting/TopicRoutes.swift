import KafkaRESTAPI

/// Listing, creating, reading, deleting and growing topics.
enum TopicRoutes {
    static let all: [Route] = [
        Route("GET", "/clusters/{cluster_id}/topics", "listKafkaTopics", list),
        Route("POST", "/clusters/{cluster_id}/topics", "createKafkaTopic", create),
        Route("GET", "/clusters/{cluster_id}/topics/{topic_name}", "getKafkaTopic", get),
        Route("DELETE", "/clusters/{cluster_id}/topics/{topic_name}", "deleteKafkaTopic", delete),
        Route("PATCH", "/clusters/{cluster_id}/topics/{topic_name}", "updatePartitionCountKafkaTopic", updatePartitionCount),
    ]

    /// The message Kafka REST sends with 40403 for a topic that does not exist.
    static let unknownTopicMessage = "This server does not host this topic-partition."

    static func list(_ request: RouteRequest, _ cluster: inout ClusterState) throws -> ServerResponse {
        .json(TopicDataList(
            kind: "KafkaTopicList",
            metadata: ResourceCollectionMetadata(selfValue: "\(request.links.cluster)/topics", next: .null),
            data: cluster.topics.keys.sorted().compactMap { name in
                cluster.topic(name).map { topicData($0, request.links) }
            }
        ))
    }

    static func create(_ request: RouteRequest, _ cluster: inout ClusterState) throws -> ServerResponse {
        let body = try request.decodeBody(CreateTopicRequestData.self)
        let name = body.topicName
        try validateTopicName(name)
        guard cluster.topics[name] == nil else {
            throw RouteFailure.invalid("Topic '\(name)' already exists.")
        }
        let partitionsCount = body.replicasAssignments?.count ?? body.partitionsCount ?? ClusterState.defaultPartitionsCount
        guard partitionsCount > 0 else {
            throw RouteFailure.invalid("Number of partitions must be larger than 0.")
        }
        let replicationFactor = body.replicationFactor ?? ClusterState.defaultReplicationFactor
        guard replicationFactor > 0 else {
            throw RouteFailure.invalid("Replication factor must be larger than 0.")
        }
        var configs: [String: String] = [:]
        for config in body.configs ?? [] {
            if let value = config.value?.value {
                configs[config.name] = value
            }
        }
        let topic = KafkaRESTTestServer.Topic(
            name: name,
            partitionsCount: partitionsCount,
            replicationFactor: replicationFactor,
            configs: configs
        )
        if body.validateOnly == true {
            return .json(topicData(topic, request.links))
        }
        cluster.addTopic(name: name, partitionsCount: partitionsCount, replicationFactor: replicationFactor, configs: configs)
        return .json(topicData(topic, request.links), status: 201)
    }

    static func get(_ request: RouteRequest, _ cluster: inout ClusterState) throws -> ServerResponse {
        .json(topicData(try existingTopic(request, cluster), request.links))
    }

    static func delete(_ request: RouteRequest, _ cluster: inout ClusterState) throws -> ServerResponse {
        let topic = try existingTopic(request, cluster)
        cluster.topics[topic.name] = nil
        return .empty(status: 204)
    }

    static func updatePartitionCount(_ request: RouteRequest, _ cluster: inout ClusterState) throws -> ServerResponse {
        var topic = try existingTopic(request, cluster)
        let body = try request.decodeBody(UpdatePartitionCountRequestData.self)
        let requested = Int(body.partitionsCount)
        guard requested > topic.partitionsCount else {
            throw RouteFailure.invalid(
                "Topic currently has \(topic.partitionsCount) partitions, which is higher than the requested \(requested)."
            )
        }
        cluster.topics[topic.name]?.partitions += Array(repeating: [], count: requested - topic.partitionsCount)
        topic.partitionsCount = requested
        return .json(topicData(topic, request.links))
    }

    /// The topic named by the `topic_name` path parameter.
    ///
    /// - Throws: ``RouteFailure`` 404 with error code 40403 if there is none.
    static func existingTopic(_ request: RouteRequest, _ cluster: ClusterState) throws -> KafkaRESTTestServer.Topic {
        guard let topic = cluster.topic(request.parameter("topic_name")) else {
            throw RouteFailure.notFound(unknownTopicMessage)
        }
        return topic
    }

    /// - Throws: ``RouteFailure`` 400 unless `name` is a legal Kafka topic name.
    static func validateTopicName(_ name: String) throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        guard !name.isEmpty, name.count <= 249, name != ".", name != "..", name.allSatisfy(allowed.contains) else {
            throw RouteFailure.invalid(
                "Topic name '\(name)' is illegal: use 1 to 249 ASCII letters, digits, '.', '_' or '-'."
            )
        }
    }

    static func topicData(_ topic: KafkaRESTTestServer.Topic, _ links: ResourceLinks) -> TopicData {
        let url = links.topic(topic.name)
        return TopicData(
            kind: "KafkaTopic",
            metadata: ResourceMetadata(selfValue: url, resourceName: .value(links.topicResourceName(topic.name))),
            clusterID: links.clusterID,
            topicName: topic.name,
            isInternal: topic.name.hasPrefix("__"),
            replicationFactor: topic.replicationFactor,
            partitionsCount: topic.partitionsCount,
            partitions: Relationship(related: "\(url)/partitions"),
            configs: Relationship(related: "\(url)/configs"),
            partitionReassignments: Relationship(related: "\(url)/partitions/-/reassignment")
        )
    }
}
