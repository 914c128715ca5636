import Foundation
import KafkaRESTAPI
import KafkaRESTSupport

/// Checks JSON payloads against the spec's component schemas and Kafka REST's own rules, so a
/// bad record or request is caught before it reaches the cluster, with an error that says where.
///
/// Schema semantics are those of OpenAPI 3.0: `type` (an integer is a whole number, `int32` and
/// `int64` are range-checked, a number may be an integer), `nullable`, `required`, closed objects
/// (`additionalPropertiesAllowed == false`), map values, closed and open enums, `date-time` and
/// `byte` formats, numeric bounds, string lengths (in Unicode scalars), item counts and patterns
/// (unanchored, compiled once; an invalid one is a single warning). The Kafka REST rules are listed
/// on ``KafkaRules`` and in `KafkaRuleChecks.swift`.
///
/// Violations come in document order: for a `JSONValue`, whose objects have no key order, that
/// is the schema's property order with other keys after it, sorted; for JSON text it is the order
/// in the text (a missing property sorts with its object).
///
/// The validator is an immutable value and safe to share between tasks.
public struct SchemaValidator: Sendable {
    /// Component schema name → description.
    public let table: [String: SchemaDescriptor]
    /// The Kafka REST rules to check on top of the schema.
    public let rules: KafkaRules
    private let components: [String: Component]
    private let patterns: PatternCache

    /// Creates a validator for `table` (by default the generated table of the spec) and `rules`.
    /// Every pattern in the table is compiled here, once.
    public init(table: [String: SchemaDescriptor] = SchemaTable.schemas, rules: KafkaRules = KafkaRules()) {
        self.table = table
        self.rules = rules
        components = Component.all(in: table)
        patterns = PatternCache(table: table)
    }

    /// Every violation of `value` against the component schema `schemaName`, in document order;
    /// empty when the value is valid. An unknown schema name gives one violation saying so.
    public func validate(_ value: JSONValue, against schemaName: String) -> [Violation] {
        var run = ValidationRun(components: components, rules: rules, patterns: patterns)
        run.validate(value, against: schemaName)
        return run.violations
    }

    /// Every violation of the JSON text `json` against `schemaName`, in the order of the text.
    /// Text that is not JSON gives one violation at the root saying where parsing stopped.
    public func validate(json: Data, against schemaName: String) -> [Violation] {
        guard table[schemaName] != nil else { return validate(.null, against: schemaName) }
        let value: JSONValue
        do {
            value = try JSONParser.parse(json)
        } catch {
            return [Violation(pointer: "", schema: schemaName, message: error.description)]
        }
        let violations = validate(value, against: schemaName)
        guard violations.count > 1, let offsets = JSONParser.offsets(in: json) else { return violations }
        return DocumentOrder.sorted(violations, offsets: offsets)
    }

    /// Every violation of a request's body against the schema the generated code named for it
    /// (`APIRequest.bodySchemaName`). A request without a schema name, without a body, or with a
    /// body that is not JSON has nothing to check and gives no violations.
    public func validate(_ request: APIRequest) -> [Violation] {
        guard let schemaName = request.bodySchemaName, case .bytes(let data, let contentType)? = request.body,
              Self.isJSON(contentType)
        else { return [] }
        return validate(json: data, against: schemaName)
    }

    /// Validates newline-delimited JSON, one value per line, as the CLI's `validate SCHEMA FILE` does.
    /// Returns one entry per non-blank line, valid lines included (with no violations), each with
    /// its 1-based line number; lines are split as ``NDJSONLines`` does.
    public func validateRecords(ndjson: Data, against schemaName: String) -> [(line: Int, violations: [Violation])] {
        NDJSONLines.split(ndjson).map { ($0.line, validate(json: $0.text, against: schemaName)) }
    }

    /// Whether a `Content-Type` is JSON: `application/json` or a `+json` type, parameters ignored.
    private static func isJSON(_ contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        let normalized = mediaType.trimmingCharacters(in: .whitespaces).lowercased()
        return normalized == "application/json" || normalized.hasSuffix("+json")
    }
}
