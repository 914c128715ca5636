import ArgumentParser

/// `kafka-rest completion bash|zsh|fish`: prints the shell completion script.
struct CompletionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completion",
        abstract: "Print the shell completion script for bash, zsh or fish.",
        discussion: """
            Subcommands and options complete offline. Topic names complete where the \\
            endpoint is reachable: the script asks `kafka-rest` itself, which lists the topics \\
            of the endpoint and cluster on the command line (or in the environment, or the \\
            context), giving up silently after 3 seconds (KAFKA_REST_COMPLETION_TIMEOUT seconds).
            Install it, for example:
              bash  kafka-rest completion bash > ~/.local/share/bash-completion/completions/kafka-rest
              zsh   kafka-rest completion zsh > "${fpath[1]}/_kafka-rest"
              fish  kafka-rest completion fish > ~/.config/fish/completions/kafka-rest.fish
            """
    )

    /// The shells argument-parser writes scripts for.
    enum Shell: String, ExpressibleByArgument, CaseIterable {
        case bash, zsh, fish

        /// argument-parser's name for the shell.
        var completionShell: CompletionShell {
            switch self {
            case .bash: .bash
            case .zsh: .zsh
            case .fish: .fish
            }
        }
    }

    @Argument(help: "The shell: bash, zsh or fish.") var shell: Shell

    func run() throws {
        CLIContext.current.output.out(RootCommand.completionScript(for: shell.completionShell))
    }
}
