import KafkaRESTSupport

/// The Kafka REST rules checked on top of the schema when ``KafkaRules/enabled`` is true.
///
/// 1. Produce data (`ProduceRequestData`): `type: BINARY` needs `data` to be a base64 string,
///    `type: STRING` a string; `JSON` and the schema types take any JSON. `null` data is a null key or value.
/// 2. Record size: with ``KafkaRules/maxMessageBytes`` set, a record (an object whose `key` or
///    `value` is `ProduceRequestData`) whose key and value data take more bytes is an error at the
///    record. BINARY data counts decoded, STRING data as UTF-8, other data as compact JSON text.
/// 3. Topic names in requests (properties `topic_name`, `…_topic_name`, and the items of
///    `…topic_names`): see ``TopicNameRule``.
/// 4. ACL principals in ACL requests (property `principal`): see ``PrincipalRule``.
/// 5. Open enums in requests: a value outside the known ones, such as produce type `BINRY`, is a
///    warning, because the schema allows it but the server probably does not know it.
///
/// Requests are recognised by their component schema name, which contains `Request`.
extension ValidationRun {
    /// Rules on an object, before its members are checked: the size of a produced record.
    mutating func checkObjectRules(_ members: [String: JSONValue], _ schema: SchemaDescriptor, component: Component) {
        guard rules.enabled, let limit = rules.maxMessageBytes,
              let properties = schema.properties,
              properties.contains(where: { ($0.name == "key" || $0.name == "value") && $0.schema.ref == Component.produceDataName })
        else { return }
        let key = Self.dataBytes(members["key"])
        let value = Self.dataBytes(members["value"])
        guard key + value > limit else { return }
        report("the record is about \(key + value) bytes (key \(key), value \(value)), more than the limit of \(limit) bytes", schema: component.name)
    }

    /// Rules on the member `name` of an object, after its schema checks; the walk is at the member.
    mutating func checkMemberRules(_ name: String, _ value: JSONValue, in members: [String: JSONValue], component: Component) {
        guard rules.enabled else { return }
        if component.isProduceData, name == "data" {
            checkProduceData(value, type: members["type"]?.stringValue, component: component)
        }
        guard component.isRequest else { return }
        if name == "topic_name" || name.hasSuffix("_topic_name"), case .string(let topic) = value {
            checkTopicName(topic, component: component)
        }
        if name.hasSuffix("topic_names"), case .array(let elements) = value {
            for (index, element) in elements.enumerated() {
                guard case .string(let topic) = element else { continue }
                descend(.index(index), component: component) { $0.checkTopicName(topic, component: component) }
            }
        }
        if name == "principal", component.isACLRequest, case .string(let principal) = value,
           let (severity, message) = PrincipalRule.problem(with: principal) {
            report(message, schema: component.name, severity: severity)
        }
    }

    /// Rule 5: a value outside the known values of an open enum, in a request.
    mutating func checkOpenEnumValue(_ value: String, known: [String], component: Component) {
        guard rules.enabled, component.isRequest else { return }
        report("\(Describe.quoted(value)) is not one of the known values \(known.joined(separator: ", ")); the server may reject it", schema: component.name, severity: .warning)
    }

    private mutating func checkProduceData(_ data: JSONValue, type: String?, component: Component) {
        switch (type, data) {
        case (_, .null):
            break
        case ("BINARY", .string(let base64)):
            if Base64Data(base64Encoded: base64) == nil {
                report("BINARY data must be base64 (standard alphabet, padded); this string of \(base64.utf8.count) bytes is not", schema: component.name)
            }
        case ("BINARY", _):
            report("BINARY data must be a base64 string, got \(Describe.value(data))", schema: component.name)
        case ("STRING", .string):
            break
        case ("STRING", _):
            report("STRING data must be a string, got \(Describe.value(data))", schema: component.name)
        default:
            break
        }
    }

    private mutating func checkTopicName(_ topic: String, component: Component) {
        if let problem = TopicNameRule.problem(with: topic) {
            report(problem, schema: component.name)
        }
    }

    private static func dataBytes(_ record: JSONValue?) -> Int {
        RecordSize.bytes(of: record?["data"], type: record?["type"]?.stringValue)
    }
}
