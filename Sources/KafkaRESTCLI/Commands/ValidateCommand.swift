import ArgumentParser
import Foundation
import KafkaREST
import KafkaRESTValidation

/// `kafka-rest validate SCHEMA FILE|-`: checks payloads offline against a schema of the API.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check JSON payloads against a schema of the API, without a server.",
        discussion: """
            The input is one JSON document, or newline-delimited JSON with one payload per line \
            (blank lines are skipped). Each violation is printed with its line, JSON pointer and \
            the schema whose rule failed. Exit status 1 if any payload has an error; warnings \
            alone leave it 0.
            Example: kafka-rest validate ProduceRequest records.ndjson
            """
    )

    @Argument(help: "The schema, such as ProduceRequest or CreateTopicRequestData.") var schema: String
    @Argument(help: ArgumentHelp("The file to check, or - for standard input.", valueName: "file")) var file: String
    @Option(help: ArgumentHelp("Output format: table, json or yaml (default as for other commands).", valueName: "format"))
    var output: OutputFormat?

    func run() async throws {
        let context = CLIContext.current
        let console = context.output
        let printer = Printer(format: try OutputFormat.resolve(option: output, context: context), console: console)
        let validator = SchemaValidator()
        guard validator.table[schema] != nil else {
            throw CLIError.usage(
                "unknown schema '\(schema)'",
                hint: "use one of: \(validator.table.keys.sorted().joined(separator: ", "))"
            )
        }
        let data = try await read(context: context)
        let results = Self.isSingleDocument(data)
            ? [(line: Int?.none, violations: validator.validate(json: data, against: schema))]
            : validator.validateRecords(ndjson: data, against: schema).map { (line: Int?.some($0.line), violations: $0.violations) }
        let source = file == "-" ? "<stdin>" : file
        var errors = 0
        var warnings = 0
        var failedPayloads = 0
        for result in results {
            errors += result.violations.errors.count
            warnings += result.violations.warnings.count
            if !result.violations.errors.isEmpty {
                failedPayloads += 1
            }
            for violation in result.violations {
                switch printer.format {
                case .json:
                    printer.console.print(try Printer.jsonLine(ViolationRecord(line: result.line, violation: violation)))
                case .table:
                    let place = result.line.map { "\(source):\($0)" } ?? source
                    printer.console.print(TerminalText.escaped("\(place): \(violation.description)"))
                }
            }
        }
        console.printError(
            "checked \(results.count) payload(s) against \(schema): \(failedPayloads) with errors, \(errors) error(s), \(warnings) warning(s)"
        )
        if errors > 0 {
            throw CommandExit(status: .partialFailure)
        }
    }

    /// The bytes of the file or standard input.
    private func read(context: CLIContext) async throws -> Data {
        if file == "-" {
            return await context.console.input.readAll()
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError.usage("cannot read \(file)")
        }
        return data
    }

    /// Whether `data` spans several lines but is one JSON document (such as pretty-printed
    /// JSON), rather than one payload per line.
    static func isSingleDocument(_ data: Data) -> Bool {
        let lines = data.split(separator: UInt8(ascii: "\n")).filter { line in
            line.contains { ![0x20, 0x09, 0x0D].contains($0) }
        }
        guard lines.count > 1 else { return false }
        return (try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) != nil
    }
}

/// One violation as a JSON line.
struct ViolationRecord: Encodable {
    /// The 1-based line of the payload; absent for a whole document.
    var line: Int?
    /// `error` or `warning`.
    var severity: String
    /// The JSON pointer into the payload.
    var pointer: String
    /// The schema whose rule failed.
    var schema: String
    /// What is wrong.
    var message: String

    init(line: Int?, violation: Violation) {
        self.line = line
        severity = violation.severity.rawValue
        pointer = violation.pointer
        schema = violation.schema
        message = violation.message
    }
}
