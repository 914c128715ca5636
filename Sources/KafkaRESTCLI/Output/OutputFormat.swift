import ArgumentParser

/// How results are written to standard output.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Aligned columns for people.
    case table
    /// The API's JSON: one compact object per line.
    case json
    /// The JSON output as YAML: one document (`---`) per JSON line (see ``YAMLText``).
    case yaml

    /// The format asked for by `option` or `KAFKA_REST_OUTPUT`; otherwise table on a terminal
    /// and JSON when standard output is a pipe or file.
    static func resolve(option: OutputFormat?, context: CLIContext) throws -> OutputFormat {
        if let option { return option }
        if let value = context.environment["KAFKA_REST_OUTPUT"], !value.isEmpty {
            guard let format = OutputFormat(rawValue: value.lowercased()) else {
                throw CLIError.usage("KAFKA_REST_OUTPUT is '\(value)'; expected table, json or yaml")
            }
            return format
        }
        return context.console.outIsTerminal ? .table : .json
    }
}
