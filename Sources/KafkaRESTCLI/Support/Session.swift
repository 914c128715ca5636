import KafkaREST
import Logging

/// One command's connection: the client, the cluster id, and where results go.
struct Session {
    /// The client, shut down when the command's body ends.
    let kafka: KafkaRESTClient
    /// Writes results in the chosen format.
    let printer: Printer

    /// Builds a client from `options` and the current context, runs `body` with it and the
    /// cluster id, and shuts the client down whether `body` returns or throws.
    ///
    /// - Throws: ``CLIError`` (exit status 2) before connecting when the configuration is
    ///   incomplete, including a missing cluster id; otherwise what `body` throws.
    static func run<T>(_ options: GlobalOptions, _ body: (Session, String) async throws -> T) async throws -> T {
        try await start(options, needsCluster: true) { session, clusterID in
            try await body(session, clusterID ?? "")
        }
    }

    /// Like ``run(_:_:)`` for commands that need no cluster id, such as `cluster list`.
    static func runWithoutCluster<T>(_ options: GlobalOptions, _ body: (Session) async throws -> T) async throws -> T {
        try await start(options, needsCluster: false) { session, _ in
            try await body(session)
        }
    }

    private static func start<T>(
        _ options: GlobalOptions,
        needsCluster: Bool,
        _ body: (Session, String?) async throws -> T
    ) async throws -> T {
        let context = CLIContext.current
        let settings = try ConnectionSettings(options: options, context: context)
        let clusterID = needsCluster ? try settings.requireClusterID() : settings.clusterID
        let format = try OutputFormat.resolve(option: options.output, context: context)
        var configuration = settings.configuration
        // The command reports every outcome itself, scrubbed and escaped for the terminal;
        // the library's log lines would repeat them unescaped.
        configuration.logger = Logger(label: "kafka-rest", factory: { _ in SwiftLogNoOpLogHandler() })
        let verbose = options.verbose ? [VerboseMiddleware(baseURL: configuration.baseURL, console: context.output)] : []
        let kafka = try KafkaRESTClient(configuration: configuration, middlewares: verbose)
        let session = Session(kafka: kafka, printer: Printer(format: format, console: context.output))
        do {
            let result = try await body(session, clusterID)
            try? await kafka.shutdown()
            return result
        } catch {
            try? await kafka.shutdown()
            throw error
        }
    }
}
