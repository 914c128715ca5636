import ArgumentParser
import KafkaREST

/// `kafka-rest streams-groups`: Kafka Streams groups, their members and subtopologies.
struct StreamsGroupsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "streams-groups",
        abstract: "Show Kafka Streams groups, their members and subtopologies.",
        subcommands: [List.self, Describe.self, Members.self, Subtopologies.self]
    )

    /// `streams-groups list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the streams groups.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try await session.showAll { try await $0.streamsGroup.listKafkaStreamsGroups(clusterID: cluster) }
            }
        }
    }

    /// `streams-groups describe GROUP`.
    struct Describe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Describe one streams group.")

        @Argument(help: "The streams group id.") var group: String
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try session.printer.show(
                    try await session.kafka.streamsGroup.getKafkaStreamsGroup(clusterID: cluster, groupID: group)
                )
            }
        }
    }

    /// `streams-groups members GROUP`.
    struct Members: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the members of a streams group.")

        @Argument(help: "The streams group id.") var group: String
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try await session.showAll {
                    try await $0.streamsGroup.listKafkaStreamsGroupMembers(clusterID: cluster, groupID: group)
                }
            }
        }
    }

    /// `streams-groups subtopologies GROUP`.
    struct Subtopologies: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the subtopologies of a streams group.")

        @Argument(help: "The streams group id.") var group: String
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try await session.showAll {
                    try await $0.streamsGroup.listKafkaStreamsGroupSubtopologies(clusterID: cluster, groupID: group)
                }
            }
        }
    }
}
