/// How a child process let the parent down.
enum ChildFailure: Error, CustomStringConvertible {
    /// `posix_spawn` could not start it.
    case notStarted(child: String, reason: String)
    /// It ended its output before printing the expected line.
    case noOutput(child: String, status: Int32)
    /// It printed a line that is not the expected JSON.
    case malformedOutput(child: String, line: String)
    /// It exited with a status other than 0 (128 + the signal if a signal ended it).
    case failed(child: String, status: Int32)

    var description: String {
        switch self {
        case let .notStarted(child, reason): "the \(child) could not be started: \(reason)"
        case let .noOutput(child, status): "the \(child) ended (status \(status)) without printing its result"
        case let .malformedOutput(child, line): "the \(child) printed an unexpected line: \(line)"
        case let .failed(child, status): "the \(child) exited with status \(status)"
        }
    }
}
