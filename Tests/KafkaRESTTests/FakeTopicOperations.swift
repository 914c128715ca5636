import KafkaREST

/// A stand-in for `kafka.topic` that sends nothing: it answers from its `topics` and records
/// every call with its arguments.
actor FakeTopicOperations: TopicOperationsProtocol {
    /// One call, with the arguments it was given.
    enum Call: Equatable {
        case list(clusterID: String, includeAuthorizedOperations: Bool?)
        case create(clusterID: String, topicName: String?)
        case get(clusterID: String, topicName: String, includeAuthorizedOperations: Bool?)
        case delete(clusterID: String, topicName: String)
        case updatePartitionCount(clusterID: String, topicName: String, partitionsCount: Int?)
    }

    /// Every call so far, in order.
    private(set) var calls: [Call] = []
    /// Topic name → partition count.
    private var topics: [String: Int]

    init(topics: [String: Int] = [:]) {
        self.topics = topics
    }

    func listKafkaTopics(clusterID: String, includeAuthorizedOperations: Bool?) async throws -> TopicDataList {
        calls.append(.list(clusterID: clusterID, includeAuthorizedOperations: includeAuthorizedOperations))
        let data = topics.keys.sorted().map { topic(clusterID: clusterID, name: $0) }
        return TopicDataList(kind: "KafkaTopicList", metadata: ResourceCollectionMetadata(selfValue: "fake"), data: data)
    }

    func createKafkaTopic(clusterID: String, body: CreateTopicRequestData) async throws -> TopicData {
        calls.append(.create(clusterID: clusterID, topicName: body.topicName))
        let name = body.topicName
        topics[name] = body.partitionsCount ?? 1
        return topic(clusterID: clusterID, name: name)
    }

    func getKafkaTopic(clusterID: String, topicName: String, includeAuthorizedOperations: Bool?) async throws -> TopicData {
        calls.append(.get(clusterID: clusterID, topicName: topicName, includeAuthorizedOperations: includeAuthorizedOperations))
        return topic(clusterID: clusterID, name: topicName)
    }

    func deleteKafkaTopic(clusterID: String, topicName: String) async throws {
        calls.append(.delete(clusterID: clusterID, topicName: topicName))
        topics[topicName] = nil
    }

    func updatePartitionCountKafkaTopic(clusterID: String, topicName: String, body: UpdatePartitionCountRequestData) async throws -> TopicData {
        calls.append(.updatePartitionCount(clusterID: clusterID, topicName: topicName, partitionsCount: Int(body.partitionsCount)))
        topics[topicName] = Int(body.partitionsCount)
        return topic(clusterID: clusterID, name: topicName)
    }

    private func topic(clusterID: String, name: String) -> TopicData {
        TopicData(
            kind: "KafkaTopic",
            metadata: ResourceMetadata(selfValue: "fake/\(name)"),
            clusterID: clusterID,
            topicName: name,
            isInternal: false,
            replicationFactor: 3,
            partitionsCount: topics[name] ?? 0,
            partitions: Relationship(related: "p"),
            configs: Relationship(related: "c"),
            partitionReassignments: Relationship(related: "r")
        )
    }
}
