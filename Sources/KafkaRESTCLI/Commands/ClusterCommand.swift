import ArgumentParser
import KafkaREST

/// `kafka-rest cluster`: the clusters behind the endpoint.
struct ClusterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Show the Kafka clusters behind the endpoint.",
        subcommands: [List.self, Describe.self]
    )

    /// `cluster list`: every cluster the endpoint serves (no cluster id needed).
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the clusters the endpoint serves.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.runWithoutCluster(options) { session in
                try await session.showAll { try await $0.cluster.listKafkaClusters() }
            }
        }
    }

    /// `cluster describe`: the configured cluster.
    struct Describe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Describe the configured cluster.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try session.printer.show(try await session.kafka.cluster.getKafkaCluster(clusterID: cluster))
            }
        }
    }
}

/// `kafka-rest brokers`: the brokers of the cluster.
struct BrokersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brokers",
        abstract: "List and describe brokers.",
        subcommands: [List.self, Describe.self]
    )

    /// `brokers list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the brokers of the cluster.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try await session.showAll { try await $0.broker.listKafkaBrokers(clusterID: cluster) }
            }
        }
    }

    /// `brokers describe ID`.
    struct Describe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Describe one broker.")

        @Argument(help: "The broker id.") var brokerID: Int
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try session.printer.show(try await session.kafka.broker.getKafkaBroker(clusterID: cluster, brokerID: brokerID))
            }
        }
    }
}
