import Foundation
import KafkaREST
import KafkaRESTAPI
import KafkaRESTSupport

/// Every generated operation once, with realistic arguments and bodies.
enum ContractCalls {
    static let all: [ContractCall] = cluster + topics + partitions + configs + acls + consumerGroups
        + shareAndStreamsGroups + clusterLinks + mirrorTopics + records

    static let cluster: [ContractCall] = [
        ContractCall("listKafkaClusters") { _ = try await $0.cluster.listKafkaClusters() },
        ContractCall("getKafkaCluster") { _ = try await $0.cluster.getKafkaCluster(clusterID: Fixture.cluster) },
        ContractCall("listKafkaBrokers") { _ = try await $0.broker.listKafkaBrokers(clusterID: Fixture.cluster) },
        ContractCall("getKafkaBroker") { _ = try await $0.broker.getKafkaBroker(clusterID: Fixture.cluster, brokerID: Fixture.broker) },
        ContractCall("listKafkaReplicasByBroker") {
            _ = try await $0.replica.listKafkaReplicasByBroker(clusterID: Fixture.cluster, brokerID: Fixture.broker)
        },
    ]

    static let topics: [ContractCall] = [
        ContractCall("listKafkaTopics") {
            _ = try await $0.topic.listKafkaTopics(clusterID: Fixture.cluster, includeAuthorizedOperations: true)
        },
        ContractCall("createKafkaTopic") {
            let body = CreateTopicRequestData(
                topicName: Fixture.topic, partitionsCount: 6, replicationFactor: 3,
                configs: [
                    CreateTopicRequestDataConfigsItem(name: "cleanup.policy", value: .value("delete")),
                    CreateTopicRequestDataConfigsItem(name: "retention.ms", value: .value("604800000")),
                ])
            _ = try await $0.topic.createKafkaTopic(clusterID: Fixture.cluster, body: body)
        },
        ContractCall("getKafkaTopic") {
            _ = try await $0.topic.getKafkaTopic(clusterID: Fixture.cluster, topicName: Fixture.topic, includeAuthorizedOperations: false)
        },
        ContractCall("deleteKafkaTopic") { try await $0.topic.deleteKafkaTopic(clusterID: Fixture.cluster, topicName: Fixture.topic) },
        ContractCall("updatePartitionCountKafkaTopic") {
            _ = try await $0.topic.updatePartitionCountKafkaTopic(
                clusterID: Fixture.cluster, topicName: Fixture.topic, body: UpdatePartitionCountRequestData(partitionsCount: 12))
        },
    ]

    static let partitions: [ContractCall] = [
        ContractCall("listKafkaPartitions") { _ = try await $0.partition.listKafkaPartitions(clusterID: Fixture.cluster, topicName: Fixture.topic) },
        ContractCall("getKafkaPartition") {
            _ = try await $0.partition.getKafkaPartition(clusterID: Fixture.cluster, topicName: Fixture.topic, partitionID: Fixture.partition)
        },
        ContractCall("listKafkaAllReplicaReassignments") {
            _ = try await $0.partition.listKafkaAllReplicaReassignments(clusterID: Fixture.cluster)
        },
        ContractCall("listKafkaReplicaReassignments") {
            _ = try await $0.partition.listKafkaReplicaReassignments(clusterID: Fixture.cluster, topicName: Fixture.topic)
        },
        ContractCall("getKafkaReplicaReassignment") {
            _ = try await $0.partition.getKafkaReplicaReassignment(clusterID: Fixture.cluster, topicName: Fixture.topic, partitionID: Fixture.partition)
        },
        ContractCall("listKafkaReplicas") {
            _ = try await $0.replica.listKafkaReplicas(clusterID: Fixture.cluster, topicName: Fixture.topic, partitionID: Fixture.partition)
        },
        ContractCall("getKafkaReplica") {
            _ = try await $0.replica.getKafkaReplica(
                clusterID: Fixture.cluster, topicName: Fixture.topic, partitionID: Fixture.partition, brokerID: Fixture.broker)
        },
    ]

    static let configs: [ContractCall] = [
        ContractCall("listKafkaClusterConfigs") { _ = try await $0.configs.listKafkaClusterConfigs(clusterID: Fixture.cluster) },
        ContractCall("getKafkaClusterConfig") {
            _ = try await $0.configs.getKafkaClusterConfig(clusterID: Fixture.cluster, name: Fixture.brokerConfig)
        },
        ContractCall("updateKafkaClusterConfig") {
            try await $0.configs.updateKafkaClusterConfig(
                clusterID: Fixture.cluster, name: Fixture.brokerConfig, body: UpdateConfigRequestData(value: .value("86400000")))
        },
        ContractCall("deleteKafkaClusterConfig") {
            try await $0.configs.deleteKafkaClusterConfig(clusterID: Fixture.cluster, name: Fixture.brokerConfig)
        },
        ContractCall("updateKafkaClusterConfigs") {
            try await $0.configs.updateKafkaClusterConfigs(clusterID: Fixture.cluster, body: alterConfigs)
        },
        ContractCall("listKafkaAllBrokerConfigs") { _ = try await $0.configs.listKafkaAllBrokerConfigs(clusterID: Fixture.cluster) },
        ContractCall("listKafkaBrokerConfigs") {
            _ = try await $0.configs.listKafkaBrokerConfigs(clusterID: Fixture.cluster, brokerID: Fixture.broker)
        },
        ContractCall("getKafkaBrokerConfig") {
            _ = try await $0.configs.getKafkaBrokerConfig(clusterID: Fixture.cluster, brokerID: Fixture.broker, name: Fixture.brokerConfig)
        },
        ContractCall("updateKafkaBrokerConfig") {
            try await $0.configs.updateKafkaBrokerConfig(
                clusterID: Fixture.cluster, brokerID: Fixture.broker, name: Fixture.brokerConfig,
                body: UpdateConfigRequestData(value: .value("86400000")))
        },
        ContractCall("deleteKafkaBrokerConfig") {
            try await $0.configs.deleteKafkaBrokerConfig(clusterID: Fixture.cluster, brokerID: Fixture.broker, name: Fixture.brokerConfig)
        },
        ContractCall("updateKafkaBrokerConfigBatch") {
            try await $0.configs.updateKafkaBrokerConfigBatch(clusterID: Fixture.cluster, brokerID: Fixture.broker, body: alterConfigs)
        },
        ContractCall("listKafkaAllTopicConfigs") { _ = try await $0.configs.listKafkaAllTopicConfigs(clusterID: Fixture.cluster) },
        ContractCall("listKafkaTopicConfigs") {
            _ = try await $0.configs.listKafkaTopicConfigs(clusterID: Fixture.cluster, topicName: Fixture.topic)
        },
        ContractCall("getKafkaTopicConfig") {
            _ = try await $0.configs.getKafkaTopicConfig(clusterID: Fixture.cluster, topicName: Fixture.topic, name: Fixture.topicConfig)
        },
        ContractCall("updateKafkaTopicConfig") {
            try await $0.configs.updateKafkaTopicConfig(
                clusterID: Fixture.cluster, topicName: Fixture.topic, name: Fixture.topicConfig,
                body: UpdateConfigRequestData(value: .value("604800000")))
        },
        ContractCall("deleteKafkaTopicConfig") {
            try await $0.configs.deleteKafkaTopicConfig(clusterID: Fixture.cluster, topicName: Fixture.topic, name: Fixture.topicConfig)
        },
        ContractCall("updateKafkaTopicConfigBatch") {
            try await $0.configs.updateKafkaTopicConfigBatch(clusterID: Fixture.cluster, topicName: Fixture.topic, body: alterConfigs)
        },
        ContractCall("listKafkaDefaultTopicConfigs") {
            _ = try await $0.configs.listKafkaDefaultTopicConfigs(clusterID: Fixture.cluster, topicName: Fixture.topic)
        },
    ]

    static let acls: [ContractCall] = [
        ContractCall("getKafkaAcls") {
            _ = try await $0.acl.getKafkaAcls(
                clusterID: Fixture.cluster, resourceType: .topic, resourceName: Fixture.topic, patternType: .literal,
                principal: "User:sa-abc123", host: "*", operation: .read, permission: .allow)
        },
        ContractCall("createKafkaAcls") { try await $0.acl.createKafkaAcls(clusterID: Fixture.cluster, body: readOrders) },
        ContractCall("deleteKafkaAcls") {
            _ = try await $0.acl.deleteKafkaAcls(
                clusterID: Fixture.cluster, resourceType: .topic, resourceName: Fixture.topic, patternType: .literal,
                principal: "User:sa-abc123", host: "*", operation: .read, permission: .allow)
        },
        ContractCall("batchCreateKafkaAcls") {
            let describe = CreateAclRequestData(
                resourceType: .group, resourceName: Fixture.consumerGroup, patternType: .prefixed,
                principal: "User:sa-abc123", host: "*", operation: .describe, permission: .allow)
            try await $0.acl.batchCreateKafkaAcls(clusterID: Fixture.cluster, body: CreateAclRequestDataList(data: [readOrders, describe]))
        },
    ]

    static let consumerGroups: [ContractCall] = [
        ContractCall("listKafkaConsumerGroups") { _ = try await $0.consumerGroup.listKafkaConsumerGroups(clusterID: Fixture.cluster) },
        ContractCall("getKafkaConsumerGroup") {
            _ = try await $0.consumerGroup.getKafkaConsumerGroup(clusterID: Fixture.cluster, consumerGroupID: Fixture.consumerGroup)
        },
        ContractCall("listKafkaConsumers") {
            _ = try await $0.consumerGroup.listKafkaConsumers(clusterID: Fixture.cluster, consumerGroupID: Fixture.consumerGroup)
        },
        ContractCall("getKafkaConsumer") {
            _ = try await $0.consumerGroup.getKafkaConsumer(
                clusterID: Fixture.cluster, consumerGroupID: Fixture.consumerGroup, consumerID: Fixture.consumer)
        },
        ContractCall("listKafkaConsumerAssignment") {
            _ = try await $0.consumerGroup.listKafkaConsumerAssignment(
                clusterID: Fixture.cluster, consumerGroupID: Fixture.consumerGroup, consumerID: Fixture.consumer)
        },
        ContractCall("getKafkaConsumerAssignment") {
            _ = try await $0.consumerGroup.getKafkaConsumerAssignment(
                clusterID: Fixture.cluster, consumerGroupID: Fixture.consumerGroup, consumerID: Fixture.consumer,
                topicName: Fixture.topic, partitionID: Fixture.partition)
        },
        ContractCall("getKafkaConsumerGroupLagSummary") {
            _ = try await $0.consumerGroup.getKafkaConsumerGroupLagSummary(clusterID: Fixture.cluster, consumerGroupID: Fixture.consumerGroup)
        },
        ContractCall("listKafkaConsumerLags") {
            _ = try await $0.consumerGroup.listKafkaConsumerLags(clusterID: Fixture.cluster, consumerGroupID: Fixture.consumerGroup)
        },
        ContractCall("getKafkaConsumerLag") {
            _ = try await $0.consumerGroup.getKafkaConsumerLag(
                clusterID: Fixture.cluster, consumerGroupID: Fixture.consumerGroup, topicName: Fixture.topic, partitionID: Fixture.partition)
        },
    ]

    static let shareAndStreamsGroups: [ContractCall] = [
        ContractCall("listKafkaShareGroups") { _ = try await $0.shareGroup.listKafkaShareGroups(clusterID: Fixture.cluster) },
        ContractCall("getKafkaShareGroup") {
            _ = try await $0.shareGroup.getKafkaShareGroup(clusterID: Fixture.cluster, groupID: Fixture.shareGroup)
        },
        ContractCall("listKafkaShareGroupConsumers") {
            _ = try await $0.shareGroup.listKafkaShareGroupConsumers(clusterID: Fixture.cluster, groupID: Fixture.shareGroup)
        },
        ContractCall("getKafkaShareGroupConsumer") {
            _ = try await $0.shareGroup.getKafkaShareGroupConsumer(clusterID: Fixture.cluster, groupID: Fixture.shareGroup, consumerID: Fixture.consumer)
        },
        ContractCall("listKafkaShareGroupConsumerAssignments") {
            _ = try await $0.shareGroup.listKafkaShareGroupConsumerAssignments(
                clusterID: Fixture.cluster, groupID: Fixture.shareGroup, consumerID: Fixture.consumer)
        },
        ContractCall("listKafkaStreamsGroups") { _ = try await $0.streamsGroup.listKafkaStreamsGroups(clusterID: Fixture.cluster) },
        ContractCall("getKafkaStreamsGroup") {
            _ = try await $0.streamsGroup.getKafkaStreamsGroup(clusterID: Fixture.cluster, groupID: Fixture.streamsGroup)
        },
        ContractCall("listKafkaStreamsGroupMembers") {
            _ = try await $0.streamsGroup.listKafkaStreamsGroupMembers(clusterID: Fixture.cluster, groupID: Fixture.streamsGroup)
        },
        ContractCall("getKafkaStreamsGroupMember") {
            _ = try await $0.streamsGroup.getKafkaStreamsGroupMember(clusterID: Fixture.cluster, groupID: Fixture.streamsGroup, memberID: Fixture.member)
        },
        ContractCall("getKafkaStreamsGroupMemberAssignments") {
            _ = try await $0.streamsGroup.getKafkaStreamsGroupMemberAssignments(
                clusterID: Fixture.cluster, groupID: Fixture.streamsGroup, memberID: Fixture.member)
        },
        ContractCall("listKafkaStreamsGroupMemberAssignmentTasks") {
            _ = try await $0.streamsGroup.listKafkaStreamsGroupMemberAssignmentTasks(
                clusterID: Fixture.cluster, groupID: Fixture.streamsGroup, memberID: Fixture.member, assignmentsType: .active)
        },
        ContractCall("getKafkaStreamsGroupMemberAssignmentTaskPartitions") {
            _ = try await $0.streamsGroup.getKafkaStreamsGroupMemberAssignmentTaskPartitions(
                clusterID: Fixture.cluster, groupID: Fixture.streamsGroup, memberID: Fixture.member, assignmentsType: .standby,
                subtopologyID: Fixture.subtopology)
        },
        ContractCall("getKafkaStreamsGroupMemberTargetAssignments") {
            _ = try await $0.streamsGroup.getKafkaStreamsGroupMemberTargetAssignments(
                clusterID: Fixture.cluster, groupID: Fixture.streamsGroup, memberID: Fixture.member)
        },
        ContractCall("listKafkaStreamsGroupMemberTargetAssignmentTasks") {
            _ = try await $0.streamsGroup.listKafkaStreamsGroupMemberTargetAssignmentTasks(
                clusterID: Fixture.cluster, groupID: Fixture.streamsGroup, memberID: Fixture.member, assignmentsType: .warmup)
        },
        ContractCall("getKafkaStreamsGroupMemberTargetAssignmentTaskPartitions") {
            _ = try await $0.streamsGroup.getKafkaStreamsGroupMemberTargetAssignmentTaskPartitions(
                clusterID: Fixture.cluster, groupID: Fixture.streamsGroup, memberID: Fixture.member, assignmentsType: .active,
                subtopologyID: Fixture.subtopology)
        },
        ContractCall("listKafkaStreamsGroupSubtopologies") {
            _ = try await $0.streamsGroup.listKafkaStreamsGroupSubtopologies(clusterID: Fixture.cluster, groupID: Fixture.streamsGroup)
        },
        ContractCall("getKafkaStreamsGroupSubtopology") {
            _ = try await $0.streamsGroup.getKafkaStreamsGroupSubtopology(
                clusterID: Fixture.cluster, groupID: Fixture.streamsGroup, subtopologyID: Fixture.subtopology)
        },
    ]

    static let clusterLinks: [ContractCall] = [
        ContractCall("listKafkaLinks") { _ = try await $0.clusterLink.listKafkaLinks(clusterID: Fixture.cluster) },
        ContractCall("createKafkaLink") {
            let body = CreateLinkRequestData(
                sourceClusterID: "lkc-eu0001",
                configs: [
                    ConfigData(name: "bootstrap.servers", value: "pkc-eu0001.europe-west1.gcp.confluent.cloud:9092"),
                    ConfigData(name: Fixture.linkConfig, value: "true"),
                ])
            try await $0.clusterLink.createKafkaLink(clusterID: Fixture.cluster, body: body, linkName: Fixture.link, validateOnly: false, validateLink: true)
        },
        ContractCall("getKafkaLink") {
            _ = try await $0.clusterLink.getKafkaLink(clusterID: Fixture.cluster, linkName: Fixture.link, includeTasks: true)
        },
        ContractCall("deleteKafkaLink") {
            try await $0.clusterLink.deleteKafkaLink(clusterID: Fixture.cluster, linkName: Fixture.link, force: false, validateOnly: false)
        },
        ContractCall("listKafkaLinkConfigs") {
            _ = try await $0.clusterLink.listKafkaLinkConfigs(clusterID: Fixture.cluster, linkName: Fixture.link)
        },
        ContractCall("getKafkaLinkConfigs") {
            _ = try await $0.clusterLink.getKafkaLinkConfigs(clusterID: Fixture.cluster, linkName: Fixture.link, configName: Fixture.linkConfig)
        },
        ContractCall("updateKafkaLinkConfig") {
            try await $0.clusterLink.updateKafkaLinkConfig(
                clusterID: Fixture.cluster, linkName: Fixture.link, configName: Fixture.linkConfig, body: UpdateLinkConfigRequestData(value: "false"))
        },
        ContractCall("deleteKafkaLinkConfig") {
            try await $0.clusterLink.deleteKafkaLinkConfig(clusterID: Fixture.cluster, linkName: Fixture.link, configName: Fixture.linkConfig)
        },
        ContractCall("updateKafkaLinkConfigBatch") {
            try await $0.clusterLink.updateKafkaLinkConfigBatch(
                clusterID: Fixture.cluster, linkName: Fixture.link,
                body: AlterConfigBatchRequestData(data: [AlterConfigBatchRequestDataDataItem(name: Fixture.linkConfig, value: .value("true"))]),
                validateOnly: true)
        },
    ]

    static let mirrorTopics: [ContractCall] = [
        ContractCall("listKafkaMirrorTopics") {
            _ = try await $0.mirrorTopic.listKafkaMirrorTopics(clusterID: Fixture.cluster, mirrorStatus: .active)
        },
        ContractCall("listKafkaMirrorTopicsUnderLink") {
            _ = try await $0.mirrorTopic.listKafkaMirrorTopicsUnderLink(clusterID: Fixture.cluster, linkName: Fixture.link, mirrorStatus: .paused)
        },
        ContractCall("createKafkaMirrorTopic") {
            let body = CreateMirrorTopicRequestData(
                sourceTopicName: Fixture.topic, mirrorTopicName: Fixture.mirrorTopic, replicationFactor: 3,
                configs: [ConfigData(name: "retention.ms", value: "604800000")])
            try await $0.mirrorTopic.createKafkaMirrorTopic(clusterID: Fixture.cluster, linkName: Fixture.link, body: body)
        },
        ContractCall("readKafkaMirrorTopic") {
            _ = try await $0.mirrorTopic.readKafkaMirrorTopic(
                clusterID: Fixture.cluster, linkName: Fixture.link, mirrorTopicName: Fixture.mirrorTopic, includeStateTransitionErrors: true)
        },
        ContractCall("updateKafkaMirrorTopicsFailover") {
            _ = try await $0.mirrorTopic.updateKafkaMirrorTopicsFailover(
                clusterID: Fixture.cluster, linkName: Fixture.link, body: mirrorsByName, validateOnly: false)
        },
        ContractCall("updateKafkaMirrorTopicsPause") {
            _ = try await $0.mirrorTopic.updateKafkaMirrorTopicsPause(clusterID: Fixture.cluster, linkName: Fixture.link, body: mirrorsByPattern)
        },
        ContractCall("updateKafkaMirrorTopicsPromote") {
            _ = try await $0.mirrorTopic.updateKafkaMirrorTopicsPromote(
                clusterID: Fixture.cluster, linkName: Fixture.link, body: mirrorsByName, validateOnly: true)
        },
        ContractCall("updateKafkaMirrorTopicsResume") {
            _ = try await $0.mirrorTopic.updateKafkaMirrorTopicsResume(clusterID: Fixture.cluster, linkName: Fixture.link, body: mirrorsByPattern)
        },
        ContractCall("updateKafkaMirrorTopicsReverseAndPauseMirror") {
            _ = try await $0.mirrorTopic.updateKafkaMirrorTopicsReverseAndPauseMirror(
                clusterID: Fixture.cluster, linkName: Fixture.link, body: mirrorsByName)
        },
        ContractCall("updateKafkaMirrorTopicsReverseAndStartMirror") {
            _ = try await $0.mirrorTopic.updateKafkaMirrorTopicsReverseAndStartMirror(
                clusterID: Fixture.cluster, linkName: Fixture.link, body: mirrorsByName)
        },
        ContractCall("updateKafkaMirrorTopicsTruncateAndRestoreMirror") {
            _ = try await $0.mirrorTopic.updateKafkaMirrorTopicsTruncateAndRestoreMirror(
                clusterID: Fixture.cluster, linkName: Fixture.link, body: mirrorsByName, includePartitionLevelTruncationData: true,
                validateOnly: true)
        },
    ]

    static let records: [ContractCall] = [
        ContractCall("produceRecord") {
            _ = try await $0.records.produceRecord(clusterID: Fixture.cluster, topicName: Fixture.topic, body: orderPlaced)
        },
        ContractCall("produceRecordsBatch") {
            let entries = [
                ProduceBatchRequestEntry(id: "1", key: orderPlaced.key, value: orderPlaced.value),
                ProduceBatchRequestEntry(
                    id: "2", partitionID: .value(3), key: .value(ProduceRequestData(type: .string, data: .value("order-8"))),
                    value: .value(ProduceRequestData(type: .json, data: .value(["total": 99.9, "currency": "EUR"])))),
            ]
            _ = try await $0.records.produceRecordsBatch(clusterID: Fixture.cluster, topicName: Fixture.topic, body: ProduceBatchRequest(entries: entries))
        },
    ]

    private static let alterConfigs = AlterConfigBatchRequestData(data: [
        AlterConfigBatchRequestDataDataItem(name: "retention.ms", value: .value("259200000")),
        AlterConfigBatchRequestDataDataItem(name: "max.message.bytes", operation: .value(.delete)),
    ])

    private static let readOrders = CreateAclRequestData(
        resourceType: .topic, resourceName: Fixture.topic, patternType: .literal,
        principal: "User:sa-abc123", host: "*", operation: .read, permission: .allow)

    private static let mirrorsByName = AlterMirrorsRequestData(mirrorTopicNames: [Fixture.mirrorTopic, "eu.payments"])
    private static let mirrorsByPattern = AlterMirrorsRequestData(mirrorTopicNamePattern: "eu\\..*")

    /// A record as `KafkaRecord` would encode it: two headers, a binary key, a JSON value and a
    /// millisecond timestamp.
    private static let orderPlaced = ProduceRequest(
        headers: [
            ProduceRequestHeader(name: "trace-id", value: .value(Base64Data(Data("4bf92f3577b34da6".utf8)))),
            ProduceRequestHeader(name: "source", value: .value(Base64Data(Data("checkout".utf8)))),
        ],
        key: .value(ProduceRequestData(type: .binary, data: .value(.string(Data("order-7".utf8).base64EncodedString())))),
        value: .value(ProduceRequestData(type: .json, data: .value(["order": 7, "total": 12.5, "items": ["book", "pen"]]))),
        timestamp: .value(Date(timeIntervalSince1970: 1_795_000_000.123)))
}
