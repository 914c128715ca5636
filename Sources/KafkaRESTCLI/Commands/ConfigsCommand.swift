import ArgumentParser
import KafkaREST

/// `kafka-rest configs`: settings of topics, the cluster, brokers and cluster links.
struct ConfigsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "configs",
        abstract: "Show and change settings of topics, the cluster, brokers and cluster links.",
        subcommands: [
            ConfigScopeCommand<TopicConfigScope>.self,
            ConfigScopeCommand<ClusterConfigScope>.self,
            ConfigScopeCommand<BrokerConfigScope>.self,
            ConfigScopeCommand<LinkConfigScope>.self,
        ]
    )
}

/// `configs topic|cluster|broker|link`: the group of one scope's subcommands.
struct ConfigScopeCommand<Scope: ConfigScope>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Scope.commandName,
            abstract: "Settings of \(Scope.noun).",
            subcommands: Scope.subcommands
        )
    }
}

/// The settings of one topic.
struct TopicConfigScope: ConfigScope {
    static let commandName = "topic"
    static let noun = "a topic"

    @Argument(help: "The topic name.", completion: TopicCompletion.kind) var topic: String

    var target: String { "topic \(topic)" }

    func list(_ kafka: KafkaRESTClient, cluster: String) -> AsyncThrowingStream<TopicConfigData, any Error> {
        let topic = topic
        return kafka.items({ try await $0.configs.listKafkaTopicConfigs(clusterID: cluster, topicName: topic) })
    }

    func get(_ name: String, _ kafka: KafkaRESTClient, cluster: String) async throws -> TopicConfigData {
        try await kafka.configs.getKafkaTopicConfig(clusterID: cluster, topicName: topic, name: name)
    }

    func set(_ name: String, value: String, _ kafka: KafkaRESTClient, cluster: String) async throws {
        try await kafka.configs.updateKafkaTopicConfig(
            clusterID: cluster, topicName: topic, name: name, body: UpdateConfigRequestData(value: .value(value))
        )
    }

    func reset(_ name: String, _ kafka: KafkaRESTClient, cluster: String) async throws {
        try await kafka.configs.deleteKafkaTopicConfig(clusterID: cluster, topicName: topic, name: name)
    }

    func alter(_ batch: AlterConfigBatchRequestData, _ kafka: KafkaRESTClient, cluster: String) async throws {
        try await kafka.configs.updateKafkaTopicConfigBatch(clusterID: cluster, topicName: topic, body: batch)
    }
}

/// The cluster-wide broker settings.
struct ClusterConfigScope: ConfigScope {
    static let commandName = "cluster"
    static let noun = "the cluster"

    var target: String { "the cluster" }

    func list(_ kafka: KafkaRESTClient, cluster: String) -> AsyncThrowingStream<ClusterConfigData, any Error> {
        kafka.items({ try await $0.configs.listKafkaClusterConfigs(clusterID: cluster) })
    }

    func get(_ name: String, _ kafka: KafkaRESTClient, cluster: String) async throws -> ClusterConfigData {
        try await kafka.configs.getKafkaClusterConfig(clusterID: cluster, name: name)
    }

    func set(_ name: String, value: String, _ kafka: KafkaRESTClient, cluster: String) async throws {
        try await kafka.configs.updateKafkaClusterConfig(
            clusterID: cluster, name: name, body: UpdateConfigRequestData(value: .value(value))
        )
    }

    func reset(_ name: String, _ kafka: KafkaRESTClient, cluster: String) async throws {
        try await kafka.configs.deleteKafkaClusterConfig(clusterID: cluster, name: name)
    }

    func alter(_ batch: AlterConfigBatchRequestData, _ kafka: KafkaRESTClient, cluster: String) async throws {
        try await kafka.configs.updateKafkaClusterConfigs(clusterID: cluster, body: batch)
    }
}

/// The settings of one broker.
struct BrokerConfigScope: ConfigScope {
    static let commandName = "broker"
    static let noun = "a broker"

    @Argument(help: "The broker id.") var broker: Int

    var target: String { "broker \(broker)" }

    func list(_ kafka: KafkaRESTClient, cluster: String) -> AsyncThrowingStream<BrokerConfigData, any Error> {
        let broker = broker
        return kafka.items({ try await $0.configs.listKafkaBrokerConfigs(clusterID: cluster, brokerID: broker) })
    }

    func get(_ name: String, _ kafka: KafkaRESTClient, cluster: String) async throws -> BrokerConfigData {
        try await kafka.configs.getKafkaBrokerConfig(clusterID: cluster, brokerID: broker, name: name)
    }

    func set(_ name: String, value: String, _ kafka: KafkaRESTClient, cluster: String) async throws {
        try await kafka.configs.updateKafkaBrokerConfig(
            clusterID: cluster, brokerID: broker, name: name, body: UpdateConfigRequestData(value: .value(value))
        )
    }

    func reset(_ name: String, _ kafka: KafkaRESTClient, cluster: String) async throws {
        try await kafka.configs.deleteKafkaBrokerConfig(clusterID: cluster, brokerID: broker, name: name)
    }

    func alter(_ batch: AlterConfigBatchRequestData, _ kafka: KafkaRESTClient, cluster: String) async throws {
        try await kafka.configs.updateKafkaBrokerConfigBatch(clusterID: cluster, brokerID: broker, body: batch)
    }
}

/// The settings of one cluster link.
struct LinkConfigScope: ConfigScope {
    static let commandName = "link"
    static let noun = "a cluster link"

    @Argument(help: "The link name.") var link: String

    var target: String { "link \(link)" }

    func list(_ kafka: KafkaRESTClient, cluster: String) -> AsyncThrowingStream<ListLinkConfigsResponseData, any Error> {
        let link = link
        return kafka.items({ try await $0.clusterLink.listKafkaLinkConfigs(clusterID: cluster, linkName: link) })
    }

    func get(_ name: String, _ kafka: KafkaRESTClient, cluster: String) async throws -> ListLinkConfigsResponseData {
        try await kafka.clusterLink.getKafkaLinkConfigs(clusterID: cluster, linkName: link, configName: name)
    }

    func set(_ name: String, value: String, _ kafka: KafkaRESTClient, cluster: String) async throws {
        try await kafka.clusterLink.updateKafkaLinkConfig(
            clusterID: cluster, linkName: link, configName: name, body: UpdateLinkConfigRequestData(value: value)
        )
    }

    func reset(_ name: String, _ kafka: KafkaRESTClient, cluster: String) async throws {
        try await kafka.clusterLink.deleteKafkaLinkConfig(clusterID: cluster, linkName: link, configName: name)
    }

    func alter(_ batch: AlterConfigBatchRequestData, _ kafka: KafkaRESTClient, cluster: String) async throws {
        try await kafka.clusterLink.updateKafkaLinkConfigBatch(
            clusterID: cluster, linkName: link, body: batch, validateOnly: batch.validateOnly
        )
    }
}
