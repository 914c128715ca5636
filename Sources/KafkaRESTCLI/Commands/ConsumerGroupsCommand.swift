import ArgumentParser
import KafkaREST

/// `kafka-rest consumer-groups`: consumer groups, their members and lag.
struct ConsumerGroupsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consumer-groups",
        abstract: "Show consumer groups, their consumers and their lag.",
        subcommands: [List.self, Describe.self, Consumers.self, Lag.self, LagSummary.self]
    )

    /// `consumer-groups list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the consumer groups.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try await session.showAll { try await $0.consumerGroup.listKafkaConsumerGroups(clusterID: cluster) }
            }
        }
    }

    /// `consumer-groups describe GROUP`.
    struct Describe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Describe one consumer group.")

        @Argument(help: "The consumer group id.") var group: String
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try session.printer.show(
                    try await session.kafka.consumerGroup.getKafkaConsumerGroup(clusterID: cluster, consumerGroupID: group)
                )
            }
        }
    }

    /// `consumer-groups consumers GROUP`.
    struct Consumers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the consumers of a group.")

        @Argument(help: "The consumer group id.") var group: String
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try await session.showAll {
                    try await $0.consumerGroup.listKafkaConsumers(clusterID: cluster, consumerGroupID: group)
                }
            }
        }
    }

    /// `consumer-groups lag GROUP`.
    struct Lag: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the lag of a group per partition.")

        @Argument(help: "The consumer group id.") var group: String
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try await session.showAll {
                    try await $0.consumerGroup.listKafkaConsumerLags(clusterID: cluster, consumerGroupID: group)
                }
            }
        }
    }

    /// `consumer-groups lag-summary GROUP`.
    struct LagSummary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lag-summary",
            abstract: "Show the total and largest lag of a group."
        )

        @Argument(help: "The consumer group id.") var group: String
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try session.printer.show(
                    try await session.kafka.consumerGroup.getKafkaConsumerGroupLagSummary(clusterID: cluster, consumerGroupID: group)
                )
            }
        }
    }
}
