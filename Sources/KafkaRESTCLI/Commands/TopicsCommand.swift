import ArgumentParser
import KafkaREST

/// `kafka-rest topics`: list, inspect, create and delete topics.
struct TopicsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "List, describe, create and delete topics.",
        subcommands: [List.self, Describe.self, Create.self, Delete.self, Partitions.self, SetPartitions.self]
    )

    /// `topics list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the topics of the cluster.")

        @Flag(help: "Leave out internal topics such as __consumer_offsets.") var hideInternal = false
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                let hideInternal = hideInternal
                let topics = session.kafka.items(
                    { try await $0.topic.listKafkaTopics(clusterID: cluster) },
                    items: { page in page.data.filter { !(hideInternal && $0.isInternal) } },
                    next: { $0.nextPageURL }
                )
                try await session.printer.show(topics)
            }
        }
    }

    /// `topics describe NAME`.
    struct Describe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Describe one topic.")

        @Argument(help: "The topic name.", completion: TopicCompletion.kind) var topic: String
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try session.printer.show(try await session.kafka.topic.getKafkaTopic(clusterID: cluster, topicName: topic))
            }
        }
    }

    /// `topics create NAME [--partitions N] [--replication-factor N] [--config name=value …] [--if-not-exists]`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a topic.",
            discussion: """
                Partition count and replication factor default to the cluster's settings. With \
                --if-not-exists an existing topic of that name is success: it is printed as is \
                (its settings are not compared) and a note says so on standard error.
                """
        )

        @Argument(help: "The topic name.") var topic: String
        @Option(help: "Number of partitions.") var partitions: Int?
        @Option(help: "Number of replicas of each partition.") var replicationFactor: Int?
        @Option(name: .customLong("config"), help: ArgumentHelp("A topic setting; repeat for more.", valueName: "name=value"))
        var configs: [String] = []
        @Flag(help: "Only check the request; create nothing.") var validateOnly = false
        @Flag(help: "Succeed without creating anything when the topic exists.") var ifNotExists = false
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let settings = try KeyValue.parseAll(configs)
            try await Session.run(options) { session, cluster in
                let request = CreateTopicRequestData(
                    topicName: topic,
                    partitionsCount: partitions,
                    replicationFactor: replicationFactor,
                    configs: settings.isEmpty ? nil : settings.map { .init(name: $0.name, value: .value($0.value)) },
                    validateOnly: validateOnly ? true : nil
                )
                do {
                    let created = try await session.kafka.topic.createKafkaTopic(clusterID: cluster, body: request)
                    try session.printer.show(created)
                } catch let error as KafkaRESTError where ifNotExists && [400, 409].contains(error.status) {
                    // Servers answer an existing name with 400 (error_code 40002) or 409; only
                    // a topic that is there now makes it success.
                    guard let existing = try? await session.kafka.topic.getKafkaTopic(clusterID: cluster, topicName: topic) else {
                        throw error
                    }
                    session.printer.console.printError(TerminalText.escaped("Topic \(topic) already exists; nothing created."))
                    try session.printer.show(existing)
                }
            }
        }
    }

    /// `topics delete NAME… [--if-exists]`.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete topics and all their records.",
            discussion: "With --if-exists a topic that is not there is success (noted on standard error), as long as the cluster is."
        )

        @Argument(help: "The topic names.", completion: TopicCompletion.kind) var topics: [String]
        @Flag(help: "Succeed for topics that do not exist.") var ifExists = false
        @OptionGroup var options: GlobalOptions

        func validate() throws {
            guard !topics.isEmpty else { throw ValidationError("name at least one topic") }
        }

        func run() async throws {
            try await Session.run(options) { session, cluster in
                for topic in topics {
                    do {
                        try await session.kafka.topic.deleteKafkaTopic(clusterID: cluster, topicName: topic)
                        session.printer.done("Deleted topic \(topic).")
                    } catch let error as KafkaRESTError where ifExists && error.status == 404 {
                        // 404 also means an unknown cluster: only a cluster that answers makes
                        // the missing topic success.
                        guard (try? await session.kafka.cluster.getKafkaCluster(clusterID: cluster)) != nil else {
                            throw error
                        }
                        session.printer.console.printError(TerminalText.escaped("Topic \(topic) does not exist; nothing deleted."))
                    }
                }
            }
        }
    }

    /// `topics partitions NAME`.
    struct Partitions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the partitions of a topic.")

        @Argument(help: "The topic name.", completion: TopicCompletion.kind) var topic: String
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try await session.showAll { try await $0.partition.listKafkaPartitions(clusterID: cluster, topicName: topic) }
            }
        }
    }

    /// `topics set-partitions NAME COUNT`.
    struct SetPartitions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-partitions",
            abstract: "Raise the partition count of a topic (Kafka cannot lower it)."
        )

        @Argument(help: "The topic name.", completion: TopicCompletion.kind) var topic: String
        @Argument(help: "The new partition count.") var count: Int32
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                let updated = try await session.kafka.topic.updatePartitionCountKafkaTopic(
                    clusterID: cluster,
                    topicName: topic,
                    body: UpdatePartitionCountRequestData(partitionsCount: count)
                )
                try session.printer.show(updated)
            }
        }
    }
}
