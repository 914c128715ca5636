/// Settings of the Kafka REST rules checked on top of the schema (see ``SchemaValidator``):
///
/// - Produce data: `type: BINARY` needs base64 string `data`, `type: STRING` string `data`;
///   with ``maxMessageBytes`` set, a larger record (key plus value data) is an error at the record.
/// - Topic names in requests: 1 to 249 characters of `a-z A-Z 0-9 . _ -`, not `.` or `..`.
/// - ACL principals in requests: `Type:name`; `User:` with an integer id is a deprecation warning.
/// - Open enums in requests: a value outside the known ones (a typo such as `BINRY`) is a warning.
public struct KafkaRules: Sendable, Hashable {
    /// The largest record, in bytes, the cluster accepts (the topic's `max.message.bytes`).
    /// When set, a produced record whose key and value data are larger is an error. `nil` checks no size.
    public var maxMessageBytes: Int?
    /// Whether the Kafka REST rules are checked at all; `false` checks the schema only.
    public var enabled: Bool

    /// Creates rule settings; by default the rules are on and no record size is checked.
    public init(maxMessageBytes: Int? = nil, enabled: Bool = true) {
        self.maxMessageBytes = maxMessageBytes
        self.enabled = enabled
    }
}
