import ArgumentParser
import KafkaREST

/// `kafka-rest share-groups`: share groups (queues for Kafka) and their consumers.
struct ShareGroupsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share-groups",
        abstract: "Show share groups and their consumers.",
        subcommands: [List.self, Describe.self, Consumers.self]
    )

    /// `share-groups list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the share groups.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try await session.showAll { try await $0.shareGroup.listKafkaShareGroups(clusterID: cluster) }
            }
        }
    }

    /// `share-groups describe GROUP`.
    struct Describe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Describe one share group.")

        @Argument(help: "The share group id.") var group: String
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try session.printer.show(try await session.kafka.shareGroup.getKafkaShareGroup(clusterID: cluster, groupID: group))
            }
        }
    }

    /// `share-groups consumers GROUP`.
    struct Consumers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the consumers of a share group.")

        @Argument(help: "The share group id.") var group: String
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try await session.showAll {
                    try await $0.shareGroup.listKafkaShareGroupConsumers(clusterID: cluster, groupID: group)
                }
            }
        }
    }
}
