import ArgumentParser
import KafkaREST

/// What a `configs` subcommand group works on: a topic, the cluster, a broker or a link,
/// named by the arguments the scope declares.
protocol ConfigScope: ParsableArguments, Sendable {
    /// The config resource type.
    associatedtype Config: Encodable & TableRow & Sendable
    /// The subcommand name, such as `topic`.
    static var commandName: String { get }
    /// What the settings belong to, for help texts, such as `a topic`.
    static var noun: String { get }
    /// The named target for messages, such as `topic orders`.
    var target: String { get }

    /// Every setting.
    func list(_ kafka: KafkaRESTClient, cluster: String) -> AsyncThrowingStream<Config, any Error>
    /// One setting.
    func get(_ name: String, _ kafka: KafkaRESTClient, cluster: String) async throws -> Config
    /// Sets one setting.
    func set(_ name: String, value: String, _ kafka: KafkaRESTClient, cluster: String) async throws
    /// Removes an override, so the setting falls back to its default.
    func reset(_ name: String, _ kafka: KafkaRESTClient, cluster: String) async throws
    /// Sets and resets several settings in one request.
    func alter(_ batch: AlterConfigBatchRequestData, _ kafka: KafkaRESTClient, cluster: String) async throws
}

extension ConfigScope {
    /// The subcommands for this scope.
    static var subcommands: [any ParsableCommand.Type] {
        [ConfigList<Self>.self, ConfigGet<Self>.self, ConfigSet<Self>.self, ConfigDelete<Self>.self, ConfigAlter<Self>.self]
    }
}

/// `configs SCOPE list`.
struct ConfigList<Scope: ConfigScope>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: "List the settings of \(Scope.noun).")
    }

    @OptionGroup var scope: Scope
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await Session.run(options) { session, cluster in
            try await session.printer.show(scope.list(session.kafka, cluster: cluster))
        }
    }
}

/// `configs SCOPE get NAME`.
struct ConfigGet<Scope: ConfigScope>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "get", abstract: "Show one setting of \(Scope.noun).")
    }

    @OptionGroup var scope: Scope
    @Argument(help: "The setting, such as retention.ms.") var name: String
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await Session.run(options) { session, cluster in
            try session.printer.show(try await scope.get(name, session.kafka, cluster: cluster))
        }
    }
}

/// `configs SCOPE set NAME VALUE`.
struct ConfigSet<Scope: ConfigScope>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "set", abstract: "Set one setting of \(Scope.noun).")
    }

    @OptionGroup var scope: Scope
    @Argument(help: "The setting, such as retention.ms.") var name: String
    @Argument(help: "The new value.") var value: String
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await Session.run(options) { session, cluster in
            try await scope.set(name, value: value, session.kafka, cluster: cluster)
            session.printer.done("Set \(name)=\(value) on \(scope.target).")
        }
    }
}

/// `configs SCOPE delete NAME`.
struct ConfigDelete<Scope: ConfigScope>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "delete",
            abstract: "Remove an override of \(Scope.noun), so the setting falls back to its default."
        )
    }

    @OptionGroup var scope: Scope
    @Argument(help: "The setting, such as retention.ms.") var name: String
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await Session.run(options) { session, cluster in
            try await scope.reset(name, session.kafka, cluster: cluster)
            session.printer.done("Reset \(name) on \(scope.target).")
        }
    }
}

/// `configs SCOPE alter name=value… [--delete name…]`.
struct ConfigAlter<Scope: ConfigScope>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "alter",
            abstract: "Set and reset several settings of \(Scope.noun) in one request."
        )
    }

    @OptionGroup var scope: Scope
    @Argument(help: ArgumentHelp("Settings to set.", valueName: "name=value")) var settings: [String] = []
    @Option(name: .customLong("delete"), help: ArgumentHelp("A setting to reset; repeat for more.", valueName: "name"))
    var deletions: [String] = []
    @Flag(help: "Only check the request; change nothing.") var validateOnly = false
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        guard !settings.isEmpty || !deletions.isEmpty else {
            throw ValidationError("give at least one name=value or --delete name")
        }
    }

    func run() async throws {
        let sets = try KeyValue.parseAll(settings).map {
            AlterConfigBatchRequestDataDataItem(name: $0.name, value: .value($0.value))
        }
        let resets = deletions.map { AlterConfigBatchRequestDataDataItem(name: $0, operation: .value(.delete)) }
        let batch = AlterConfigBatchRequestData(data: sets + resets, validateOnly: validateOnly ? true : nil)
        try await Session.run(options) { session, cluster in
            try await scope.alter(batch, session.kafka, cluster: cluster)
            session.printer.done("\(validateOnly ? "Checked" : "Changed") \(batch.data.count) setting(s) on \(scope.target).")
        }
    }
}
