import KafkaRESTAPI

/// Reading and altering topic configs: one at a time or as a batch (`configs:alter`).
enum TopicConfigRoutes {
    static let all: [Route] = [
        Route("GET", "/clusters/{cluster_id}/topics/-/configs", "listKafkaAllTopicConfigs", listAll),
        Route("GET", "/clusters/{cluster_id}/topics/{topic_name}/configs", "listKafkaTopicConfigs", list),
        Route("GET", "/clusters/{cluster_id}/topics/{topic_name}/configs/{name}", "getKafkaTopicConfig", get),
        Route("PUT", "/clusters/{cluster_id}/topics/{topic_name}/configs/{name}", "updateKafkaTopicConfig", update),
        Route("DELETE", "/clusters/{cluster_id}/topics/{topic_name}/configs/{name}", "deleteKafkaTopicConfig", delete),
        Route("POST", "/clusters/{cluster_id}/topics/{topic_name}/configs:alter", "updateKafkaTopicConfigBatch", alter),
    ]

    static func listAll(_ request: RouteRequest, _ cluster: inout ClusterState) throws -> ServerResponse {
        let configs = cluster.topics.keys.sorted().compactMap(cluster.topic).flatMap { configData($0, request.links) }
        return .json(TopicConfigDataList(
            kind: "KafkaTopicConfigList",
            metadata: ResourceCollectionMetadata(selfValue: "\(request.links.cluster)/topics/-/configs", next: .null),
            data: configs
        ))
    }

    static func list(_ request: RouteRequest, _ cluster: inout ClusterState) throws -> ServerResponse {
        let topic = try TopicRoutes.existingTopic(request, cluster)
        return .json(TopicConfigDataList(
            kind: "KafkaTopicConfigList",
            metadata: ResourceCollectionMetadata(selfValue: "\(request.links.topic(topic.name))/configs", next: .null),
            data: configData(topic, request.links)
        ))
    }

    static func get(_ request: RouteRequest, _ cluster: inout ClusterState) throws -> ServerResponse {
        let topic = try TopicRoutes.existingTopic(request, cluster)
        let name = request.parameter("name")
        guard let config = configData(topic, name: name, request.links) else {
            throw RouteFailure.notFound("Config \(name) cannot be found for topic \(topic.name).")
        }
        return .json(config)
    }

    static func update(_ request: RouteRequest, _ cluster: inout ClusterState) throws -> ServerResponse {
        let topic = try TopicRoutes.existingTopic(request, cluster)
        let body = try request.decodeBody(UpdateConfigRequestData.self)
        cluster.topics[topic.name]?.configs[request.parameter("name")] = body.value?.value
        return .empty(status: 204)
    }

    static func delete(_ request: RouteRequest, _ cluster: inout ClusterState) throws -> ServerResponse {
        let topic = try TopicRoutes.existingTopic(request, cluster)
        let name = request.parameter("name")
        guard topic.configs[name] != nil || ClusterState.defaultTopicConfig(name) != nil else {
            throw RouteFailure.notFound("Config \(name) cannot be found for topic \(topic.name).")
        }
        cluster.topics[topic.name]?.configs[name] = nil
        return .empty(status: 204)
    }

    /// Applies every `SET` (the default operation) and `DELETE`, or none if one is invalid;
    /// with `validate_only` nothing changes.
    static func alter(_ request: RouteRequest, _ cluster: inout ClusterState) throws -> ServerResponse {
        let topic = try TopicRoutes.existingTopic(request, cluster)
        let body = try request.decodeBody(AlterConfigBatchRequestData.self)
        var configs = topic.configs
        for item in body.data {
            switch item.operation?.value ?? .set {
            case .set:
                configs[item.name] = item.value?.value
            case .delete:
                configs[item.name] = nil
            case let other:
                throw RouteFailure.invalid("Unknown config operation \(other.rawValue) for \(item.name); use SET or DELETE.")
            }
        }
        if body.validateOnly != true {
            cluster.topics[topic.name]?.configs = configs
        }
        return .empty(status: 204)
    }

    /// Every config of `topic`: the defaults with the topic's own values over them, by name.
    static func configData(_ topic: KafkaRESTTestServer.Topic, _ links: ResourceLinks) -> [TopicConfigData] {
        let names = Set(ClusterState.defaultTopicConfigs.map(\.name)).union(topic.configs.keys)
        return names.sorted().compactMap { configData(topic, name: $0, links) }
    }

    /// The config `name` of `topic`, or `nil` if the topic has no such config and there is no default.
    static func configData(_ topic: KafkaRESTTestServer.Topic, name: String, _ links: ResourceLinks) -> TopicConfigData? {
        let defaultValue = ClusterState.defaultTopicConfig(name)
        var synonyms: [ConfigSynonymData] = []
        if let value = topic.configs[name] {
            synonyms.append(ConfigSynonymData(name: name, value: .value(value), source: .dynamicTopicConfig))
        }
        if let defaultValue {
            synonyms.append(ConfigSynonymData(name: name, value: .value(defaultValue), source: .defaultConfig))
        }
        guard let value = topic.configs[name] ?? defaultValue else { return nil }
        let isDefault = topic.configs[name] == nil
        return TopicConfigData(
            kind: "KafkaTopicConfig",
            metadata: ResourceMetadata(
                selfValue: links.topicConfig(topic.name, name),
                resourceName: .value("\(links.topicResourceName(topic.name))/config=\(name)")
            ),
            clusterID: links.clusterID,
            name: name,
            value: .value(value),
            isDefault: isDefault,
            isReadOnly: false,
            isSensitive: false,
            source: isDefault ? .defaultConfig : .dynamicTopicConfig,
            synonyms: synonyms,
            topicName: topic.name
        )
    }
}
