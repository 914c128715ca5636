import ArgumentParser
import KafkaREST

/// `kafka-rest links`: cluster links.
struct LinksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "List, describe, create and delete cluster links.",
        discussion: "Link settings are under `kafka-rest configs link`; mirror topics under `kafka-rest mirrors`.",
        subcommands: [List.self, Describe.self, Create.self, Delete.self]
    )

    /// `links list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the cluster links.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try await session.showAll { try await $0.clusterLink.listKafkaLinks(clusterID: cluster) }
            }
        }
    }

    /// `links describe LINK`.
    struct Describe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Describe one cluster link.")

        @Argument(help: "The link name.") var link: String
        @Flag(help: "Include the link's tasks and their errors.") var includeTasks = false
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try session.printer.show(
                    try await session.kafka.clusterLink.getKafkaLink(
                        clusterID: cluster, linkName: link, includeTasks: includeTasks ? true : nil
                    )
                )
            }
        }
    }

    /// `links create LINK …`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a cluster link.",
            discussion: """
                Name the other cluster with --source-cluster (this cluster is the destination), \
                --destination-cluster (a source-initiated link) or --remote-cluster; give the \
                link's settings, such as bootstrap.servers and credentials, with --config.
                """
        )

        @Argument(help: "The link name.") var link: String
        @Option(help: ArgumentHelp("Id of the source cluster.", valueName: "id")) var sourceCluster: String?
        @Option(help: ArgumentHelp("Id of the destination cluster.", valueName: "id")) var destinationCluster: String?
        @Option(help: ArgumentHelp("Id of the remote cluster.", valueName: "id")) var remoteCluster: String?
        @Option(name: .customLong("config"), help: ArgumentHelp("A link setting; repeat for more.", valueName: "name=value"))
        var configs: [String] = []
        @Flag(help: "Only check the request; create nothing.") var validateOnly = false
        @Flag(help: "Check that the remote cluster can be reached.") var validateLink = false
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let settings = try KeyValue.parseAll(configs)
            let request = CreateLinkRequestData(
                sourceClusterID: sourceCluster,
                destinationClusterID: destinationCluster,
                remoteClusterID: remoteCluster,
                configs: settings.isEmpty ? nil : settings.map { ConfigData(name: $0.name, value: $0.value) }
            )
            try await Session.run(options) { session, cluster in
                try await session.kafka.clusterLink.createKafkaLink(
                    clusterID: cluster,
                    body: request,
                    linkName: link,
                    validateOnly: validateOnly ? true : nil,
                    validateLink: validateLink ? true : nil
                )
                session.printer.done(validateOnly ? "Link \(link) is valid." : "Created link \(link).")
            }
        }
    }

    /// `links delete LINK`.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a cluster link.")

        @Argument(help: "The link name.") var link: String
        @Flag(help: "Delete the link even if it has active mirror topics.") var force = false
        @Flag(help: "Only check the request; delete nothing.") var validateOnly = false
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try await session.kafka.clusterLink.deleteKafkaLink(
                    clusterID: cluster,
                    linkName: link,
                    force: force ? true : nil,
                    validateOnly: validateOnly ? true : nil
                )
                session.printer.done(validateOnly ? "Link \(link) can be deleted." : "Deleted link \(link).")
            }
        }
    }
}
