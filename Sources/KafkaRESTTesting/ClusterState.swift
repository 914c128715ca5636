import Foundation
import KafkaRESTAPI

/// The in-memory Kafka cluster behind the test server.
struct ClusterState {
    /// A topic with its records.
    struct TopicState {
        var replicationFactor: Int
        /// Configs set on the topic; the rest come from ``ClusterState/defaultTopicConfigs``.
        var configs: [String: String]
        /// The records of each partition in offset order.
        var partitions: [[KafkaRESTTestServer.ProducedRecord]]
        /// The partition the next record without key or partition goes to.
        var nextPartition = 0
    }

    /// Topic config defaults as a self-managed cluster reports them.
    static let defaultTopicConfigs: [(name: String, value: String)] = [
        ("cleanup.policy", "delete"),
        ("compression.type", "producer"),
        ("max.message.bytes", "1048588"),
        ("min.insync.replicas", "1"),
        ("retention.bytes", "-1"),
        ("retention.ms", "604800000"),
        ("segment.bytes", "1073741824"),
    ]

    /// The partition count of a topic created without `partitions_count`.
    static let defaultPartitionsCount = 1
    /// The replication factor of a topic created without `replication_factor`.
    static let defaultReplicationFactor = 1

    var topics: [String: TopicState] = [:]
    var acls: [KafkaRESTTestServer.ACLBinding] = []

    /// The default value of the topic config `name`, or `nil` if it has none.
    static func defaultTopicConfig(_ name: String) -> String? {
        defaultTopicConfigs.first { $0.name == name }?.value
    }

    /// Adds an empty topic; an existing topic of that name is replaced.
    mutating func addTopic(name: String, partitionsCount: Int, replicationFactor: Int, configs: [String: String]) {
        topics[name] = TopicState(
            replicationFactor: replicationFactor,
            configs: configs,
            partitions: Array(repeating: [], count: partitionsCount)
        )
    }

    /// Adds an ACL binding unless an equal one exists.
    mutating func addACL(_ binding: KafkaRESTTestServer.ACLBinding) {
        if !acls.contains(binding) {
            acls.append(binding)
        }
    }

    /// The public view of topic `name`.
    func topic(_ name: String) -> KafkaRESTTestServer.Topic? {
        topics[name].map {
            KafkaRESTTestServer.Topic(
                name: name,
                partitionsCount: $0.partitions.count,
                replicationFactor: $0.replicationFactor,
                configs: $0.configs
            )
        }
    }
}
