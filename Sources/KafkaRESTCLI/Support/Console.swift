import Foundation

/// Where a command writes its results and messages, and whether a person is watching.
///
/// Commands write results to ``out`` and diagnostics, progress and summaries to ``err``; tests
/// pass closures that capture both.
public struct Console: Sendable {
    /// Writes text to standard output as given (callers add newlines).
    public var out: @Sendable (String) -> Void
    /// Writes text to standard error as given (callers add newlines).
    public var err: @Sendable (String) -> Void
    /// Standard input.
    public var input: InputSource
    /// Whether standard output is a terminal (decides the default output format).
    public var outIsTerminal: Bool
    /// Whether standard error is a terminal (decides whether progress is shown).
    public var errIsTerminal: Bool

    /// Creates a console from writers, an input and terminal flags.
    public init(
        out: @escaping @Sendable (String) -> Void,
        err: @escaping @Sendable (String) -> Void,
        input: InputSource = .data(Data()),
        outIsTerminal: Bool = false,
        errIsTerminal: Bool = false
    ) {
        self.out = out
        self.err = err
        self.input = input
        self.outIsTerminal = outIsTerminal
        self.errIsTerminal = errIsTerminal
    }

    /// The process's standard output, standard error and standard input.
    public static var standard: Console {
        Console(
            out: { FileHandle.standardOutput.write(Data($0.utf8)) },
            err: { FileHandle.standardError.write(Data($0.utf8)) },
            input: .fileHandle(FileHandle.standardInput),
            outIsTerminal: isatty(STDOUT_FILENO) == 1,
            errIsTerminal: isatty(STDERR_FILENO) == 1
        )
    }

    /// Writes `line` and a newline to standard output.
    func print(_ line: String) {
        out(line + "\n")
    }

    /// Writes `line` and a newline to standard error.
    func printError(_ line: String) {
        err(line + "\n")
    }

    /// The same console with every write passed through `redactor`.
    func redacting(with redactor: Redactor) -> Console {
        var console = self
        let out = self.out
        let err = self.err
        console.out = { out(redactor.scrub($0)) }
        console.err = { err(redactor.scrub($0)) }
        return console
    }
}
