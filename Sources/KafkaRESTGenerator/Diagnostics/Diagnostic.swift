/// A problem found in a spec: a warning lets generation go on with a documented
/// fallback, an error stops it before anything is written.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Hashable {
        case warning
        case error
    }

    /// How serious the problem is.
    public var severity: Severity
    /// What is wrong, and what the generator does about it.
    public var message: String
    /// Where it is.
    public var location: SourceLocation

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// `file:line:column: warning: message (#/pointer)`.
    public var description: String {
        let position = location.line > 0 ? "\(location.file):\(location.line):\(location.column)" : location.file
        return "\(position): \(severity.rawValue): \(message) (#\(location.pointer))"
    }
}

/// Collects diagnostics as the stages run. Stages append; the driver decides
/// whether errors stop the run.
public struct Diagnostics: Sendable {
    /// Everything reported so far, in the order found.
    public private(set) var all: [Diagnostic] = []

    /// Creates an empty collection.
    public init() {}

    /// Records a warning.
    public mutating func warn(_ message: String, at location: SourceLocation) {
        all.append(Diagnostic(.warning, message, at: location))
    }

    /// Records an error.
    public mutating func error(_ message: String, at location: SourceLocation) {
        all.append(Diagnostic(.error, message, at: location))
    }

    /// The errors only.
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }

    /// The warnings only.
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
}

/// Thrown when a stage cannot go on; carries every diagnostic found so far.
public struct GenerationFailed: Error, Sendable, CustomStringConvertible {
    /// The diagnostics, errors first.
    public var diagnostics: [Diagnostic]

    /// Creates the failure.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.filter { $0.severity == .error } + diagnostics.filter { $0.severity == .warning }
    }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
