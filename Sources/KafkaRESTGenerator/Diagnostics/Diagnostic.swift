/// A problem found in a spec: a warning lets generation go on with a documented
/// fallback, an error stops it before anything is written.
package struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious the problem is.
    package enum Severity: String, Sendable, Hashable {
        case warning
        case error
    }

    /// How serious the problem is.
    package var severity: Severity
    /// What is wrong, and what the generator does about it.
    package var message: String
    /// Where it is.
    package var location: SourceLocation

    /// Creates a diagnostic.
    package init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// `file:line:column: warning: message (#/pointer)`.
    package var description: String {
        let position = location.line > 0 ? "\(location.file):\(location.line):\(location.column)" : location.file
        return "\(position): \(severity.rawValue): \(message) (#\(location.pointer))"
    }
}

/// Collects diagnostics as the stages run. Stages append; the driver decides
/// whether errors stop the run.
package struct Diagnostics: Sendable {
    /// Everything reported so far, in the order found.
    package private(set) var all: [Diagnostic] = []
    private var recorded: Set<Diagnostic> = []

    /// Creates an empty collection.
    package init() {}

    /// Records a warning, unless the same message was already recorded at the same place (a
    /// schema read twice, through two references, is reported once).
    package mutating func warn(_ message: String, at location: SourceLocation) {
        record(Diagnostic(.warning, message, at: location))
    }

    /// Records an error, once per message and place.
    package mutating func error(_ message: String, at location: SourceLocation) {
        record(Diagnostic(.error, message, at: location))
    }

    private mutating func record(_ diagnostic: Diagnostic) {
        if recorded.insert(diagnostic).inserted {
            all.append(diagnostic)
        }
    }

    /// The errors only.
    package var errors: [Diagnostic] { all.filter { $0.severity == .error } }

    /// The warnings only.
    package var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
}

/// Thrown when a stage cannot go on; carries every diagnostic found so far.
package struct GenerationFailed: Error, Sendable, CustomStringConvertible {
    /// The diagnostics, errors first.
    package var diagnostics: [Diagnostic]

    /// Creates the failure.
    package init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.filter { $0.severity == .error } + diagnostics.filter { $0.severity == .warning }
    }

    /// One diagnostic per line.
    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
