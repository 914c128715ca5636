import ArgumentParser
import KafkaREST

/// The format and schema flags of the key or the value (`--value-format`, `--value-schema-id`,
/// `--value-subject`, `--value-schema-version`, `--value-subject-strategy`, and the same with
/// `--key-`), checked together.
struct PayloadFlags {
    /// `key` or `value`: the flags' prefix.
    var part: String
    /// The format given, if any.
    var format: PayloadFormat?
    /// `--…-schema-id`.
    var schemaID: Int?
    /// `--…-subject`.
    var subject: String?
    /// `--…-schema-version`.
    var schemaVersion: Int?
    /// `--…-subject-strategy`, as given.
    var subjectStrategy: String?

    /// Whether any of the flags was given.
    var isEmpty: Bool {
        format == nil && schemaID == nil && subject == nil && schemaVersion == nil && subjectStrategy == nil
    }

    /// The encoding the flags select, with `defaultFormat` when no format is given.
    ///
    /// - Throws: `ValidationError` naming the flags when they do not fit together: schema flags
    ///   with a format that has no schema, a schema format without a schema, more than one way
    ///   to select the schema, a version without a subject or strategy, or a value out of range.
    func encoding(defaultFormat: PayloadFormat) throws -> PayloadEncoding {
        let format = self.format ?? defaultFormat
        let formatFlag = "--\(part)-format"
        let selectors = [
            schemaID.map { _ in "--\(part)-schema-id" },
            subject.map { _ in "--\(part)-subject" },
            subjectStrategy.map { _ in "--\(part)-subject-strategy" },
        ].compactMap(\.self)
        guard format.usesSchema else {
            if let first = selectors.first ?? schemaVersion.map({ _ in "--\(part)-schema-version" }) {
                throw ValidationError("\(first) needs \(formatFlag) avro, jsonschema or protobuf, not \(format.rawValue)")
            }
            return PayloadEncoding(format: format, schema: nil, flag: formatFlag)
        }
        guard selectors.count <= 1 else {
            throw ValidationError("give only one of --\(part)-schema-id, --\(part)-subject and --\(part)-subject-strategy, not \(selectors.joined(separator: " and "))")
        }
        return PayloadEncoding(format: format, schema: try schema(formatFlag: formatFlag, format: format), flag: formatFlag)
    }

    /// The schema selected by the one selector flag given.
    private func schema(formatFlag: String, format: PayloadFormat) throws -> SchemaSelector {
        if let version = schemaVersion {
            guard schemaID == nil, subject != nil || subjectStrategy != nil else {
                throw ValidationError("--\(part)-schema-version needs --\(part)-subject or --\(part)-subject-strategy")
            }
            guard version >= 1 else {
                throw ValidationError("--\(part)-schema-version must be 1 or more, not \(version)")
            }
        }
        if let schemaID {
            guard schemaID >= 1 else {
                throw ValidationError("--\(part)-schema-id must be a Schema Registry id (1 or more), not \(schemaID)")
            }
            return .id(schemaID)
        }
        if let subject {
            guard !subject.isEmpty else { throw ValidationError("--\(part)-subject must not be empty") }
            return schemaVersion.map { .subject(subject, version: $0) } ?? .latest(subject: subject)
        }
        if let subjectStrategy {
            return .strategy(try Self.strategy(subjectStrategy, flag: "--\(part)-subject-strategy"), version: schemaVersion)
        }
        throw ValidationError("\(formatFlag) \(format.rawValue) needs a schema: give --\(part)-schema-id, --\(part)-subject or --\(part)-subject-strategy")
    }

    /// The strategy named `name`, in any case and with `-` or `_`: `topic_name`, `RECORD_NAME`, …
    private static func strategy(_ name: String, flag: String) throws -> SchemaSelector.SubjectNameStrategy {
        let wanted = name.uppercased().replacingOccurrences(of: "-", with: "_")
        guard let strategy = SchemaSelector.SubjectNameStrategy.knownValues.first(where: { $0.rawValue == wanted }) else {
            let known = SchemaSelector.SubjectNameStrategy.knownValues.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("\(flag) must be one of \(known), not \(name)")
        }
        return strategy
    }
}
