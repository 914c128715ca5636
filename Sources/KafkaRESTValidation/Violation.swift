/// One problem found in a payload: where it is, which schema rule failed, and what was expected.
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    /// How serious a violation is.
    public enum Severity: String, Sendable {
        /// The payload breaks the schema or a Kafka REST rule; the server would reject it.
        case error
        /// The payload is accepted but probably not what was meant, or uses something deprecated.
        case warning
    }

    /// How serious the problem is.
    public var severity: Severity
    /// RFC 6901 JSON pointer into the value, such as `/value/data` or `/data/0/operation`; `""` is the root.
    /// A missing required property is reported at its would-be location, such as `/topic_name`.
    public var pointer: String
    /// The component schema whose rule failed, such as `ProduceRequestData`.
    public var schema: String
    /// What is wrong and what was expected, such as `expected integer (int32), got string "3"`.
    public var message: String

    /// Creates a violation.
    public init(severity: Severity = .error, pointer: String, schema: String, message: String) {
        self.severity = severity
        self.pointer = pointer
        self.schema = schema
        self.message = message
    }

    /// One line such as `error at /value/type (ProduceRequestData): 'X' is not one of A, B`;
    /// the root pointer is written `root`.
    public var description: String {
        "\(severity.rawValue) at \(pointer.isEmpty ? "root" : pointer) (\(schema)): \(message)"
    }
}

public extension [Violation] {
    /// The violations of severity ``Violation/Severity/error``, in order.
    var errors: [Violation] {
        filter { $0.severity == .error }
    }

    /// The violations of severity ``Violation/Severity/warning``, in order.
    var warnings: [Violation] {
        filter { $0.severity == .warning }
    }
}
