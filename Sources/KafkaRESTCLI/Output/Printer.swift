import Foundation

/// Writes results to standard output as tables (cells with control characters shown as
/// escapes, see ``TerminalText``), JSON lines or YAML documents.
struct Printer {
    /// What results are printed as: a table, or one JSON document per result.
    enum Layout: Sendable {
        /// Aligned columns for people.
        case table
        /// One JSON document per line; with `--output yaml`, ``console`` re-emits each as YAML.
        case json
    }

    /// The layout.
    let format: Layout
    /// Where to write; for YAML output, its standard output turns JSON lines into YAML documents.
    let console: Console

    /// A printer for `format` writing to `console`.
    init(format: OutputFormat, console: Console) {
        switch format {
        case .table:
            self.format = .table
            self.console = console
        case .json:
            self.format = .json
            self.console = console
        case .yaml:
            self.format = .json
            self.console = console.writingJSONLinesAsYAML()
        }
    }

    /// One resource: its JSON on one line, or one `TITLE  value` line per column.
    func show<Value: Encodable & TableRow>(_ value: Value) throws {
        switch format {
        case .json:
            console.print(try Self.jsonLine(value))
        case .table:
            for line in TextTable.record(headers: Value.columns, cells: value.cells.map(TerminalText.escaped)) {
                console.print(line)
            }
        }
    }

    /// Several resources: one JSON line each, or one table.
    func show<Value: Encodable & TableRow>(_ values: [Value]) throws {
        switch format {
        case .json:
            for value in values {
                console.print(try Self.jsonLine(value))
            }
        case .table:
            for line in TextTable(headers: Value.columns, rows: values.map { $0.cells.map(TerminalText.escaped) }).lines {
                console.print(line)
            }
        }
    }

    /// Resources as they arrive: JSON lines are written at once, a table once all arrived.
    func show<Value: Encodable & TableRow & Sendable>(_ values: AsyncThrowingStream<Value, any Error>) async throws {
        var collected: [Value] = []
        for try await value in values {
            switch format {
            case .json: console.print(try Self.jsonLine(value))
            case .table: collected.append(value)
            }
        }
        if format == .table {
            try show(collected)
        }
    }

    /// A confirmation for a person, such as `Deleted topic orders.`, with control characters
    /// shown as escapes; JSON output prints nothing, since the exit status says it all.
    func done(_ message: String) {
        if format == .table {
            console.print(TerminalText.escaped(message))
        }
    }

    /// `value` as compact JSON with sorted keys.
    static func jsonLine<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
