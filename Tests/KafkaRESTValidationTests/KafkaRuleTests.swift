import Foundation
import KafkaRESTSupport
import KafkaRESTValidation
import Testing

/// The Kafka REST rules checked on top of the schema.
@Suite("Kafka REST rules")
struct KafkaRuleTests {
    let validator = SchemaValidator()

    private func topicViolations(_ name: String) -> [Violation] {
        validator.validate(["topic_name": .string(name)], against: "CreateTopicRequestData")
    }

    @Test func validTopicNames() {
        for name in ["orders", "orders.v1_EU-west", "a", "...", String(repeating: "t", count: 249)] {
            #expect(topicViolations(name).isEmpty, "\(name)")
        }
    }

    @Test func topicNameOf250CharactersIsTooLong() {
        #expect(topicViolations(String(repeating: "t", count: 250)) == [Violation(
            pointer: "/topic_name", schema: "CreateTopicRequestData",
            message: "topic name is 250 characters long; a topic name is 1 to 249 characters of a-z, A-Z, 0-9, '.', '_' and '-'"
        )])
    }

    @Test func dotAndDotDotAreReserved() {
        #expect(topicViolations("..").map(\.message) == ["topic name '..' is not allowed: '.' and '..' are reserved"])
        #expect(topicViolations(".").map(\.message) == ["topic name '.' is not allowed: '.' and '..' are reserved"])
    }

    @Test func topicNameWithSlashOrEmpty() {
        #expect(topicViolations("a/b").map(\.message) == [
            "topic name 'a/b' contains '/', which is not allowed; a topic name is 1 to 249 characters of a-z, A-Z, 0-9, '.', '_' and '-'",
        ])
        #expect(topicViolations("").map(\.message) == [
            "the topic name is empty; a topic name is 1 to 249 characters of a-z, A-Z, 0-9, '.', '_' and '-'",
        ])
        #expect(topicViolations("caf\u{E9}").count == 1)
    }

    @Test func otherTopicNamePropertiesInRequests() {
        let mirror = validator.validate(["source_topic_name": "ok", "mirror_topic_name": "not ok"], against: "CreateMirrorTopicRequestData")
        #expect(mirror.map(\.pointer) == ["/mirror_topic_name"])
        let alter = validator.validate(["mirror_topic_names": ["ok", "a/b", ".."]], against: "AlterMirrorsRequestData")
        #expect(alter.map(\.pointer) == ["/mirror_topic_names/1", "/mirror_topic_names/2"])
    }

    @Test func topicNamesInResponsesAreNotChecked() {
        let response: JSONValue = ["error_code": 200, "topic_name": "a/b"]
        #expect(validator.validate(response, against: "ProduceResponse").isEmpty)
    }

    private func acl(principal: String) -> JSONValue {
        [
            "resource_type": "TOPIC", "resource_name": "orders", "pattern_type": "LITERAL",
            "principal": .string(principal), "host": "*", "operation": "READ", "permission": "ALLOW",
        ]
    }

    @Test func serviceAccountAndWildcardPrincipalsAreAccepted() {
        for principal in ["User:sa-1x2y3z", "User:*", "User:u-abc123", "Group:readers"] {
            #expect(validator.validate(acl(principal: principal), against: "CreateAclRequestData").isEmpty, "\(principal)")
        }
    }

    @Test func integerUserIDIsAWarning() {
        let violations = validator.validate(acl(principal: "User:12345"), against: "CreateAclRequestData")
        #expect(violations.errors.isEmpty)
        #expect(violations.warnings == [Violation(
            severity: .warning, pointer: "/principal", schema: "CreateAclRequestData",
            message: "principal 'User:12345' uses an integer user id, which Confluent deprecated in favour of resource ids such as User:sa-abc123"
        )])
    }

    @Test func principalWithoutTypeAndNameIsAnError() {
        for principal in ["bob", "User:", ":bob", "User: sa-1", ""] {
            let violations = validator.validate(acl(principal: principal), against: "CreateAclRequestData")
            #expect(violations.map(\.severity) == [.error], "\(principal)")
            #expect(violations.first?.message.hasSuffix("is not of the form Type:name, such as User:sa-abc123 or User:*") == true)
        }
        let list: JSONValue = ["data": [acl(principal: "User:sa-1"), acl(principal: "garbage")]]
        #expect(validator.validate(list, against: "CreateAclRequestDataList").map(\.pointer) == ["/data/1/principal"])
    }

    @Test func principalsInResponsesAreNotChecked() {
        var response = acl(principal: "garbage")
        guard case .object(var members) = response else { return }
        for key in ["kind", "cluster_id"] { members[key] = "x" }
        members["metadata"] = ["self": "https://example.com"]
        response = .object(members)
        #expect(validator.validate(response, against: "AclData").isEmpty)
    }

    @Test func binaryDataMustBeBase64() {
        #expect(lines(#"{"value": {"type": "BINARY", "data": "aGVsbG8="}}"#, "ProduceRequest").isEmpty)
        #expect(lines(#"{"value": {"type": "BINARY", "data": "not base64!"}}"#, "ProduceRequest") == [
            "error at /value/data (ProduceRequestData): BINARY data must be base64 (standard alphabet, padded); this string of 11 bytes is not",
        ])
        #expect(lines(#"{"key": {"type": "BINARY", "data": 42}}"#, "ProduceRequest") == [
            "error at /key/data (ProduceRequestData): BINARY data must be a base64 string, got integer 42",
        ])
        #expect(lines(#"{"value": {"type": "BINARY", "data": null}}"#, "ProduceRequest").isEmpty)
    }

    @Test func stringDataMustBeAStringAndJSONDataMayBeAnything() {
        #expect(lines(#"{"value": {"type": "STRING", "data": {"a": 1}}}"#, "ProduceRequest") == [
            "error at /value/data (ProduceRequestData): STRING data must be a string, got object",
        ])
        for data in [#"{"a": [1, null]}"#, "3", #""text""#, "null", "[[]]"] {
            #expect(lines(#"{"value": {"type": "JSON", "data": \#(data)}}"#, "ProduceRequest").isEmpty, "\(data)")
        }
    }

    @Test func unknownProduceTypeIsAWarning() {
        #expect(lines(#"{"value": {"type": "BINRY", "data": "aGk="}}"#, "ProduceRequest") == [
            "warning at /value/type (ProduceRequestData): 'BINRY' is not one of the known values BINARY, JSON, STRING, AVRO, JSONSCHEMA, PROTOBUF; the server may reject it",
        ])
    }

    @Test func recordAboveMaxMessageBytesIsAnError() {
        let limited = SchemaValidator(rules: KafkaRules(maxMessageBytes: 10))
        let sixteenBytes = Data(count: 16).base64EncodedString()
        #expect(lines(#"{"key": {"type": "STRING", "data": "k"}, "value": {"type": "BINARY", "data": "\#(sixteenBytes)"}}"#, "ProduceRequest", limited) == [
            "error at root (ProduceRequest): the record is about 17 bytes (key 1, value 16), more than the limit of 10 bytes",
        ])
        let tenBytes = Data(count: 9).base64EncodedString()
        #expect(lines(#"{"key": {"type": "STRING", "data": "k"}, "value": {"type": "BINARY", "data": "\#(tenBytes)"}}"#, "ProduceRequest", limited).isEmpty)
        #expect(lines(#"{"value": {"type": "BINARY", "data": "\#(sixteenBytes)"}}"#, "ProduceRequest").isEmpty)
        let batch = #"{"entries": [{"id": "1"}, {"id": "2", "value": {"type": "JSON", "data": {"text": "a long enough value"}}}]}"#
        #expect(lines(batch, "ProduceBatchRequest", limited) == [
            "error at /entries/1 (ProduceBatchRequestEntry): the record is about 30 bytes (key 0, value 30), more than the limit of 10 bytes",
        ])
    }

    @Test func rulesCanBeTurnedOff() {
        let schemaOnly = SchemaValidator(rules: KafkaRules(maxMessageBytes: 1, enabled: false))
        #expect(schemaOnly.validate(["topic_name": "a/b"], against: "CreateTopicRequestData").isEmpty)
        #expect(lines(#"{"value": {"type": "BINARY", "data": "!!"}}"#, "ProduceRequest", schemaOnly).isEmpty)
        #expect(schemaOnly.validate(acl(principal: "garbage"), against: "CreateAclRequestData").isEmpty)
    }
}
