import ArgumentParser
import KafkaREST

/// `kafka-rest mirrors`: mirror topics of cluster links and their state changes.
struct MirrorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mirrors",
        abstract: "List, create and change the state of mirror topics.",
        subcommands: [
            List.self, Describe.self, Create.self,
            MirrorChange<Promote>.self, MirrorChange<Failover>.self, MirrorChange<Pause>.self, MirrorChange<Resume>.self,
            MirrorChange<ReverseAndStart>.self, MirrorChange<ReverseAndPause>.self, MirrorChange<TruncateAndRestore>.self,
        ]
    )

    /// `mirrors list [--link LINK] [--status STATUS]`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List mirror topics, of all links or of one.")

        @Option(help: ArgumentHelp("Only the mirrors of this link.", valueName: "name")) var link: String?
        @Option(help: ArgumentHelp("Only mirrors in this state, such as ACTIVE or PAUSED.", valueName: "status"))
        var status: String?
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let mirrorStatus = try status.map { status in
                guard let value = MirrorTopicStatus(rawValue: status.uppercased()) else {
                    let known = MirrorTopicStatus.allCases.map(\.rawValue).joined(separator: ", ")
                    throw CLIError.usage("--status '\(status)' is not one of \(known)")
                }
                return value
            }
            try await Session.run(options) { session, cluster in
                if let link {
                    try await session.showAll {
                        try await $0.mirrorTopic.listKafkaMirrorTopicsUnderLink(clusterID: cluster, linkName: link, mirrorStatus: mirrorStatus)
                    }
                } else {
                    try await session.showAll {
                        try await $0.mirrorTopic.listKafkaMirrorTopics(clusterID: cluster, mirrorStatus: mirrorStatus)
                    }
                }
            }
        }
    }

    /// `mirrors describe LINK TOPIC`.
    struct Describe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Describe one mirror topic.")

        @Argument(help: "The link name.") var link: String
        @Argument(help: "The mirror topic name.") var topic: String
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Session.run(options) { session, cluster in
                try session.printer.show(
                    try await session.kafka.mirrorTopic.readKafkaMirrorTopic(
                        clusterID: cluster, linkName: link, mirrorTopicName: topic, includeStateTransitionErrors: true
                    )
                )
            }
        }
    }

    /// `mirrors create LINK SOURCE_TOPIC …`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a mirror topic of a source topic over a link.")

        @Argument(help: "The link name.") var link: String
        @Argument(help: "The topic on the source cluster.") var sourceTopic: String
        @Option(help: ArgumentHelp("Name of the mirror (default: the source topic's name).", valueName: "name"))
        var mirrorTopic: String?
        @Option(help: "Number of replicas of each partition.") var replicationFactor: Int?
        @Option(name: .customLong("config"), help: ArgumentHelp("A topic setting; repeat for more.", valueName: "name=value"))
        var configs: [String] = []
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let settings = try KeyValue.parseAll(configs)
            let request = CreateMirrorTopicRequestData(
                sourceTopicName: sourceTopic,
                mirrorTopicName: mirrorTopic,
                replicationFactor: replicationFactor,
                configs: settings.isEmpty ? nil : settings.map { ConfigData(name: $0.name, value: $0.value) }
            )
            try await Session.run(options) { session, cluster in
                try await session.kafka.mirrorTopic.createKafkaMirrorTopic(clusterID: cluster, linkName: link, body: request)
                session.printer.done("Created mirror topic \(mirrorTopic ?? sourceTopic) on link \(link).")
            }
        }
    }
}

/// A state change of mirror topics, such as promote or pause.
protocol MirrorAction: Sendable {
    /// The subcommand name, such as `promote`.
    static var name: String { get }
    /// What the change does.
    static var abstract: String { get }
    /// Sends the change for the mirrors `request` names.
    static func send(
        _ kafka: KafkaRESTClient,
        cluster: String,
        link: String,
        request: AlterMirrorsRequestData,
        validateOnly: Bool?
    ) async throws -> AlterMirrorStatusResponseDataList
}

/// `mirrors ACTION LINK [TOPIC…] [--pattern P] [--validate-only]`; shows one result per mirror.
struct MirrorChange<Action: MirrorAction>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Action.name, abstract: Action.abstract)
    }

    @Argument(help: "The link name.") var link: String
    @Argument(help: "The mirror topics.") var topics: [String] = []
    @Option(help: ArgumentHelp("Every mirror whose name matches this pattern, instead of names.", valueName: "pattern"))
    var pattern: String?
    @Flag(help: "Only check the request; change nothing.") var validateOnly = false
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        guard topics.isEmpty != (pattern == nil) else {
            throw ValidationError("name the mirror topics or give --pattern (one of the two)")
        }
    }

    func run() async throws {
        let request = AlterMirrorsRequestData(mirrorTopicNames: topics.isEmpty ? nil : topics, mirrorTopicNamePattern: pattern)
        try await Session.run(options) { session, cluster in
            let results = try await Action.send(
                session.kafka, cluster: cluster, link: link, request: request, validateOnly: validateOnly ? true : nil
            )
            try session.printer.show(results.data)
            if results.data.contains(where: { $0.errorMessage != nil || ($0.errorCode ?? 0) != 0 }) {
                throw CommandExit(status: .partialFailure)
            }
        }
    }
}

/// `mirrors promote`.
enum Promote: MirrorAction {
    static let name = "promote"
    static let abstract = "Stop mirroring after catching up and make the mirrors writable topics."
    static func send(_ kafka: KafkaRESTClient, cluster: String, link: String, request: AlterMirrorsRequestData, validateOnly: Bool?) async throws -> AlterMirrorStatusResponseDataList {
        try await kafka.mirrorTopic.updateKafkaMirrorTopicsPromote(clusterID: cluster, linkName: link, body: request, validateOnly: validateOnly)
    }
}

/// `mirrors failover`.
enum Failover: MirrorAction {
    static let name = "failover"
    static let abstract = "Stop mirroring at once and make the mirrors writable topics."
    static func send(_ kafka: KafkaRESTClient, cluster: String, link: String, request: AlterMirrorsRequestData, validateOnly: Bool?) async throws -> AlterMirrorStatusResponseDataList {
        try await kafka.mirrorTopic.updateKafkaMirrorTopicsFailover(clusterID: cluster, linkName: link, body: request, validateOnly: validateOnly)
    }
}

/// `mirrors pause`.
enum Pause: MirrorAction {
    static let name = "pause"
    static let abstract = "Pause mirroring."
    static func send(_ kafka: KafkaRESTClient, cluster: String, link: String, request: AlterMirrorsRequestData, validateOnly: Bool?) async throws -> AlterMirrorStatusResponseDataList {
        try await kafka.mirrorTopic.updateKafkaMirrorTopicsPause(clusterID: cluster, linkName: link, body: request, validateOnly: validateOnly)
    }
}

/// `mirrors resume`.
enum Resume: MirrorAction {
    static let name = "resume"
    static let abstract = "Resume paused mirroring."
    static func send(_ kafka: KafkaRESTClient, cluster: String, link: String, request: AlterMirrorsRequestData, validateOnly: Bool?) async throws -> AlterMirrorStatusResponseDataList {
        try await kafka.mirrorTopic.updateKafkaMirrorTopicsResume(clusterID: cluster, linkName: link, body: request, validateOnly: validateOnly)
    }
}

/// `mirrors reverse-and-start`.
enum ReverseAndStart: MirrorAction {
    static let name = "reverse-and-start"
    static let abstract = "Make the mirrors sources and start mirroring in the other direction."
    static func send(_ kafka: KafkaRESTClient, cluster: String, link: String, request: AlterMirrorsRequestData, validateOnly: Bool?) async throws -> AlterMirrorStatusResponseDataList {
        try await kafka.mirrorTopic.updateKafkaMirrorTopicsReverseAndStartMirror(clusterID: cluster, linkName: link, body: request, validateOnly: validateOnly)
    }
}

/// `mirrors reverse-and-pause`.
enum ReverseAndPause: MirrorAction {
    static let name = "reverse-and-pause"
    static let abstract = "Make the mirrors sources and set up paused mirroring in the other direction."
    static func send(_ kafka: KafkaRESTClient, cluster: String, link: String, request: AlterMirrorsRequestData, validateOnly: Bool?) async throws -> AlterMirrorStatusResponseDataList {
        try await kafka.mirrorTopic.updateKafkaMirrorTopicsReverseAndPauseMirror(clusterID: cluster, linkName: link, body: request, validateOnly: validateOnly)
    }
}

/// `mirrors truncate-and-restore`.
enum TruncateAndRestore: MirrorAction {
    static let name = "truncate-and-restore"
    static let abstract = "Truncate the topics to the source's offsets and restore them as mirrors."
    static func send(_ kafka: KafkaRESTClient, cluster: String, link: String, request: AlterMirrorsRequestData, validateOnly: Bool?) async throws -> AlterMirrorStatusResponseDataList {
        try await kafka.mirrorTopic.updateKafkaMirrorTopicsTruncateAndRestoreMirror(
            clusterID: cluster, linkName: link, body: request, includePartitionLevelTruncationData: true, validateOnly: validateOnly
        )
    }
}
