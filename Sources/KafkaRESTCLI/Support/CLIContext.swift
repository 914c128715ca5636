import Foundation

/// What a command run sees of the outside world: its console and its environment variables.
///
/// ``KafkaRESTCommand/run(arguments:context:)`` makes the context current for the duration of
/// one run, so tests run commands in-process with their own output, input and environment.
public struct CLIContext: Sendable {
    /// Standard output, standard error and standard input.
    public var console: Console
    /// Environment variables, such as `KAFKA_REST_ENDPOINT`.
    public var environment: [String: String]
    /// Secrets to keep out of every output of this run.
    let redactor: Redactor

    /// Creates a context.
    public init(console: Console, environment: [String: String]) {
        self.console = console
        self.environment = environment
        redactor = Redactor()
    }

    /// The process's own console and environment.
    public static var process: CLIContext {
        CLIContext(console: .standard, environment: ProcessInfo.processInfo.environment)
    }

    /// The context of the running command.
    @TaskLocal static var current = CLIContext.process

    /// The console with secrets redacted.
    var output: Console {
        console.redacting(with: redactor)
    }
}
