/// A `name=value` command-line argument, such as `retention.ms=86400000`.
struct KeyValue: Sendable, Equatable {
    /// The part before the first `=`.
    var name: String
    /// The part after the first `=` (may be empty or contain `=`).
    var value: String

    /// Parses `argument`.
    ///
    /// - Throws: ``CLIError`` (exit status 2) without a `=` or with an empty name.
    init(parsing argument: String) throws {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
            throw CLIError.usage("'\(argument)' is not name=value", hint: "write settings as name=value, such as retention.ms=86400000")
        }
        name = String(argument[..<equals])
        value = String(argument[argument.index(after: equals)...])
    }

    /// Parses every argument.
    static func parseAll(_ arguments: [String]) throws -> [KeyValue] {
        try arguments.map(KeyValue.init(parsing:))
    }
}
