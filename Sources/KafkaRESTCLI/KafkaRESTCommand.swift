import ArgumentParser
import Foundation
import KafkaREST

/// The `kafka-rest` command-line tool: the entry points for the executable and for tests.
public enum KafkaRESTCommand {
    /// Runs the process's command line and exits with its status.
    public static func main() async {
        let status = await run(arguments: Array(CommandLine.arguments.dropFirst()), context: .process)
        Foundation.exit(status)
    }

    /// Parses and runs `arguments` (without the program name) with `context`'s console and
    /// environment, reports any error on its standard error, and returns the exit status
    /// (see ``ExitStatus``).
    public static func run(arguments: [String], context: CLIContext) async -> Int32 {
        context.redactor.addSecrets(arguments: arguments, environment: context.environment)
        return await CLIContext.$current.withValue(context) {
            let console = context.output
            do {
                var command = try await RootCommand.asyncParseAsRoot(arguments)
                if var asyncCommand = command as? any AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
                return ExitStatus.success.rawValue
            } catch let error as CommandExit {
                return error.status.rawValue
            } catch let error as CLIError {
                let report = ErrorReport(error)
                console.err(report.text)
                return report.status.rawValue
            } catch let error as KafkaRESTError {
                let report = ErrorReport(error)
                console.err(report.text)
                return report.status.rawValue
            } catch {
                let message = RootCommand.fullMessage(for: error)
                if RootCommand.exitCode(for: error) == .success {
                    console.out(message.isEmpty ? "" : message + "\n")
                    return ExitStatus.success.rawValue
                }
                console.err(TerminalText.escapedLines(message) + "\n")
                return ExitStatus.usage.rawValue
            }
        }
    }
}

/// The root of the command tree: help, version and the subcommand groups.
struct RootCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kafka-rest",
        abstract: "Talk to a Confluent Kafka REST v3 endpoint (Confluent Cloud or a self-managed REST Proxy).",
        discussion: """
            Options go after the subcommand, for example `kafka-rest topics list --output json`.

            CONFIGURATION
            Every connection option falls back to an environment variable, then to the saved \
            context (--context NAME, KAFKA_REST_CONTEXT, or the current one of \
            `kafka-rest context use`): options > environment > context.
              --endpoint     KAFKA_REST_ENDPOINT
              --cluster      KAFKA_REST_CLUSTER_ID
              --api-key      KAFKA_REST_API_KEY
              --api-secret   KAFKA_REST_API_SECRET (or --api-secret-file PATH)
              --token        KAFKA_REST_TOKEN (OAuth bearer token, instead of a key)
              --ca-cert      KAFKA_REST_CA_CERT (PEM file of trusted authorities)
              --client-cert  KAFKA_REST_CLIENT_CERT (mutual TLS, with --client-key)
              --client-key   KAFKA_REST_CLIENT_KEY
              --output       KAFKA_REST_OUTPUT
            Prefer the environment, --api-secret-file or a context for secrets. Secrets and \
            tokens are never printed. Credentials come whole from the options, else the \
            environment, else the context; a context's credentials go only to its own endpoint.

            An endpoint with a path is used as the API base as is. Otherwise /kafka/v3 is added \
            for Confluent Cloud (a host under confluent.cloud, or --cloud) and /v3 for a \
            self-managed REST Proxy. Credentials are not sent over http:// unless \
            --allow-insecure-credentials is given.

            OUTPUT
            --output table prints aligned columns; --output json prints the API's JSON, one \
            object per line (lists print one line per item); --output yaml prints each of those \
            as a YAML document. The default is table when standard output is a terminal and json \
            otherwise. Progress and summaries go to standard error; -v/--verbose adds each \
            request and its status there.

            EXIT STATUS
            \(ExitStatus.summary)
            """,
        version: "1.0.0",
        subcommands: [
            ClusterCommand.self,
            BrokersCommand.self,
            TopicsCommand.self,
            ConfigsCommand.self,
            ACLsCommand.self,
            ConsumerGroupsCommand.self,
            ShareGroupsCommand.self,
            StreamsGroupsCommand.self,
            LinksCommand.self,
            MirrorsCommand.self,
            ProduceCommand.self,
            ValidateCommand.self,
            ContextCommand.self,
            ServeCommand.self,
            CompletionCommand.self,
        ]
    )
}
