extension KafkaRESTTestServer {
    /// The topics, sorted by name.
    public var topics: [Topic] {
        core.state.withLock { state in
            state.cluster.topics.keys.sorted().compactMap(state.cluster.topic)
        }
    }

    /// The topic called `name`, or `nil`.
    public func topic(named name: String) -> Topic? {
        core.state.withLock { $0.cluster.topic(name) }
    }

    /// Creates (or replaces) an empty topic, as if a client had created it.
    public func createTopic(
        _ name: String,
        partitionsCount: Int = 1,
        replicationFactor: Int = 1,
        configs: [String: String] = [:]
    ) {
        core.state.withLock {
            $0.cluster.addTopic(
                name: name,
                partitionsCount: partitionsCount,
                replicationFactor: replicationFactor,
                configs: configs
            )
        }
    }

    /// The ACL bindings in the order they were created.
    public var acls: [ACLBinding] {
        core.state.withLock { $0.cluster.acls }
    }

    /// Adds an ACL binding, as if a client had created it; an existing equal binding is kept once.
    public func addACL(_ binding: ACLBinding) {
        core.state.withLock { $0.cluster.addACL(binding) }
    }

    /// The records stored in one partition of a topic, by offset; empty if there are none.
    public func records(topic: String, partition: Int) -> [ProducedRecord] {
        core.state.withLock { state in
            guard let partitions = state.cluster.topics[topic]?.partitions,
                  partitions.indices.contains(partition)
            else { return [] }
            return partitions[partition]
        }
    }

    /// The records stored in every partition of a topic, by partition, then offset.
    public func records(topic: String) -> [ProducedRecord] {
        core.state.withLock { $0.cluster.topics[topic]?.partitions.flatMap { $0 } ?? [] }
    }
}
