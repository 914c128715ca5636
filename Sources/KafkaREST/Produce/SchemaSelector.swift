/// How a schema-based payload names its schema in Schema Registry, mapped to the request's
/// `schema_id`, `subject`, `subject_name_strategy`, `schema_version` and `schema` fields.
public enum SchemaSelector: Sendable, Hashable {
    /// The strategies that derive the subject from the topic and record (`TOPIC_NAME`, …).
    public typealias SubjectNameStrategy = ProduceRequestDataSubjectNameStrategy

    /// The schema with this Schema Registry id (`schema_id`).
    case id(Int)
    /// A version of a subject's schema (`subject` and `schema_version`); `nil` is the latest.
    case subject(String, version: Int?)
    /// The latest schema of a subject (`subject` alone).
    case latest(subject: String)
    /// The subject derived by a strategy (`subject_name_strategy`), at a version or the latest.
    case strategy(SubjectNameStrategy, version: Int? = nil)
    /// A schema given inline (`schema`, the self-managed REST Proxy registers it), under a
    /// subject or the topic's default one.
    case inline(String, subject: String? = nil)

    /// Why the selector cannot be sent, naming the field, or `nil` if it can.
    var problem: String? {
        switch self {
        case .id(let id) where id < 1:
            return "schema_id must be a Schema Registry id (1 or more), not \(id)"
        case .subject(let subject, _) where subject.isEmpty, .latest(let subject) where subject.isEmpty:
            return "subject must not be empty"
        case .subject(_, let version?) where version < 1, .strategy(_, let version?) where version < 1:
            return "schema_version must be 1 or more, not \(version)"
        case .inline(let schema, _) where schema.isEmpty:
            return "schema must not be empty"
        case .inline(_, let subject?) where subject.isEmpty:
            return "subject must not be empty"
        default:
            return nil
        }
    }

    /// Fills the schema fields of `data`.
    func apply(to data: inout ProduceRequestData) {
        switch self {
        case .id(let id):
            data.schemaID = .value(id)
        case .subject(let subject, let version):
            data.subject = .value(subject)
            data.schemaVersion = version.map { .value($0) }
        case .latest(let subject):
            data.subject = .value(subject)
        case .strategy(let strategy, let version):
            data.subjectNameStrategy = .value(strategy)
            data.schemaVersion = version.map { .value($0) }
        case .inline(let schema, let subject):
            data.schema = .value(schema)
            data.subject = subject.map { .value($0) }
        }
    }
}
