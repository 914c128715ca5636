/// A failure the CLI reports itself, with the exit status it ends the run with.
struct CLIError: Error, Sendable {
    /// The exit status.
    var status: ExitStatus
    /// What went wrong, as one sentence; printed after `error: `.
    var message: String
    /// What to do about it; printed after `hint: `.
    var hint: String?

    /// A usage or configuration problem (exit status 2).
    static func usage(_ message: String, hint: String? = nil) -> CLIError {
        CLIError(status: .usage, message: message, hint: hint)
    }
}

/// Ends a run with `status` after the command has already reported why (for example a produce
/// summary with failed records).
struct CommandExit: Error, Sendable {
    /// The exit status.
    var status: ExitStatus
}
