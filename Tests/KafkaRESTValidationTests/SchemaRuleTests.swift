import Foundation
import KafkaRESTSupport
import KafkaRESTValidation
import Testing

/// Bad payloads against the generated table give the exact pointers and messages.
@Suite("Schema rules")
struct SchemaRuleTests {
    @Test func wrongType() {
        #expect(lines(#"{"partitions_count": "3"}"#, "UpdatePartitionCountRequestData") == [
            #"error at /partitions_count (UpdatePartitionCountRequestData): expected integer (int32), got string "3""#,
        ])
        #expect(lines(#"{"topic_name": "t", "validate_only": 1}"#, "CreateTopicRequestData") == [
            "error at /validate_only (CreateTopicRequestData): expected boolean, got integer 1",
        ])
        #expect(lines(#"[]"#, "CreateTopicRequestData") == [
            "error at root (CreateTopicRequestData): expected object, got array of 0 items",
        ])
        #expect(lines(#"{"partitions_count": 1.5}"#, "UpdatePartitionCountRequestData") == [
            "error at /partitions_count (UpdatePartitionCountRequestData): expected integer (int32), got number 1.5",
        ])
    }

    @Test func wholeNumbersWrittenWithAFractionAreIntegers() {
        #expect(lines(#"{"partitions_count": 3.0}"#, "UpdatePartitionCountRequestData").isEmpty)
        #expect(lines(#"{"partitions_count": 3e2}"#, "UpdatePartitionCountRequestData").isEmpty)
    }

    @Test func missingRequiredProperty() {
        #expect(lines(#"{}"#, "CreateTopicRequestData") == [
            "error at /topic_name (CreateTopicRequestData): required property 'topic_name' is missing",
        ])
        #expect(lines(#"{"data": [{"value": "1"}]}"#, "AlterConfigBatchRequestData") == [
            "error at /data/0/name (AlterConfigBatchRequestData): required property 'name' is missing",
        ])
    }

    @Test func closedEnumRejectsUnknownValue() {
        let violations = SchemaValidator().validate(json: Data(#"""
            {"resource_type": "TOPC", "resource_name": "orders", "pattern_type": "LITERAL",
             "principal": "User:sa-1x2y3z", "host": "*", "operation": "READ", "permission": "ALLOW"}
            """#.utf8), against: "CreateAclRequestData")
        #expect(violations == [Violation(
            pointer: "/resource_type", schema: "AclResourceType",
            message: "'TOPC' is not one of UNKNOWN, ANY, TOPIC, GROUP, CLUSTER, TRANSACTIONAL_ID, DELEGATION_TOKEN"
        )])
    }

    @Test func extensibleEnumAcceptsUnknownValue() {
        #expect(lines(#"{"type": "FUTURE_FORMAT", "data": 1}"#, "ProduceRequestData", SchemaValidator(rules: KafkaRules(enabled: false))).isEmpty)
        #expect(lines(#""SOMETHING_NEW""#, "AclOperation").isEmpty)
        #expect(lines(#"{"size": 1, "type": "SOMETHING_NEW"}"#, "ProduceResponseData").isEmpty)
    }

    @Test func int32AndInt64Overflow() {
        #expect(lines(#"{"partitions_count": 2147483648}"#, "UpdatePartitionCountRequestData") == [
            "error at /partitions_count (UpdatePartitionCountRequestData): integer 2147483648 is out of the int32 range -2147483648 to 2147483647",
        ])
        #expect(lines(#"{"partitions_count": -2147483648}"#, "UpdatePartitionCountRequestData").isEmpty)
        #expect(lines(#"{"error_code": 200, "offset": 9223372036854775808}"#, "ProduceResponse") == [
            "error at /offset (ProduceResponse): integer 9223372036854775808 is out of the int64 range -9223372036854775808 to 9223372036854775807",
        ])
        #expect(lines(#"{"error_code": 200, "offset": 9223372036854775807}"#, "ProduceResponse").isEmpty)
    }

    @Test func badDateTime() {
        #expect(lines(#"{"timestamp": "yesterday"}"#, "ProduceRequest") == [
            "error at /timestamp (ProduceRequest): 'yesterday' is not an RFC 3339 date-time such as 2021-12-13T16:29:10.951Z",
        ])
        #expect(lines(#"{"timestamp": "2021-02-30T00:00:00Z"}"#, "ProduceRequest").count == 1)
        #expect(lines(#"{"timestamp": "2021-12-13T16:29:10+01:00"}"#, "ProduceRequest").isEmpty)
    }

    @Test func badBase64InByteFormat() {
        #expect(lines(#"{"headers": [{"name": "a", "value": "aGk="}, {"name": "b", "value": "a*b"}]}"#, "ProduceRequest") == [
            "error at /headers/1/value (ProduceRequestHeader): a string of 3 bytes that is not valid base64 (standard alphabet, padded)",
        ])
    }

    @Test func nullWhereNotNullableAndWhereNullable() {
        #expect(lines(#"{"topic_name": null}"#, "CreateTopicRequestData") == [
            "error at /topic_name (CreateTopicRequestData): expected string, got null",
        ])
        #expect(lines(#"{"partitions_count": null}"#, "UpdatePartitionCountRequestData") == [
            "error at /partitions_count (UpdatePartitionCountRequestData): expected integer (int32), got null",
        ])
        #expect(lines(#"{"partition_id": null, "timestamp": null, "key": null, "value": {"type": "JSON", "data": null}}"#, "ProduceRequest").isEmpty)
        #expect(lines(#"{"data": [{"name": "x", "value": null, "operation": null}]}"#, "AlterConfigBatchRequestData").isEmpty)
        #expect(lines(#"{"data": [{"name": "x", "value": 3}]}"#, "AlterConfigBatchRequestData") == [
            "error at /data/0/value (AlterConfigBatchRequestData): expected string or null, got integer 3",
        ])
    }

    @Test func nestedArrayPointers() {
        let text = #"{"data": [{"name": "a"}, {"name": "b", "operation": "SET"}, {"name": "c", "operation": 5}]}"#
        #expect(lines(text, "AlterConfigBatchRequestData") == [
            "error at /data/2/operation (AlterConfigBatchRequestData): expected string or null, got integer 5",
        ])
        #expect(lines(#"{"replicas_assignments": {"0": [1, 2], "1": [3, "x"]}, "topic_name": "t"}"#, "CreateTopicRequestData") == [
            #"error at /replicas_assignments/1/1 (CreateTopicRequestData): expected integer, got string "x""#,
        ])
    }

    @Test func multipleViolationsAllReturnedInDocumentOrder() {
        let text = #"{"configs": [{"value": 3}], "topic_name": 5, "partitions_count": "x"}"#
        #expect(lines(text, "CreateTopicRequestData") == [
            "error at /configs/0/name (CreateTopicRequestData): required property 'name' is missing",
            "error at /configs/0/value (CreateTopicRequestData): expected string or null, got integer 3",
            "error at /topic_name (CreateTopicRequestData): expected string, got integer 5",
            #"error at /partitions_count (CreateTopicRequestData): expected integer, got string "x""#,
        ])
        // A JSONValue has no key order, so its violations follow the schema's property order.
        let violations = SchemaValidator().validate(json(text), against: "CreateTopicRequestData")
        #expect(violations.map(\.pointer) == ["/topic_name", "/partitions_count", "/configs/0/name", "/configs/0/value"])
    }

    @Test func unknownSchemaName() {
        #expect(SchemaValidator().validate(json("{}"), against: "NoSuchSchema") == [
            Violation(pointer: "", schema: "NoSuchSchema", message: "no schema named 'NoSuchSchema' in the table"),
        ])
        #expect(lines("not json", "NoSuchSchema") == ["error at root (NoSuchSchema): no schema named 'NoSuchSchema' in the table"])
    }

    @Test func descriptionAndSeverityFilters() {
        let error = Violation(pointer: "/value/type", schema: "ProduceRequestData", message: "bad")
        let warning = Violation(severity: .warning, pointer: "", schema: "X", message: "odd")
        #expect(error.description == "error at /value/type (ProduceRequestData): bad")
        #expect(warning.description == "warning at root (X): odd")
        #expect([error, warning].errors == [error])
        #expect([error, warning].warnings == [warning])
    }

    @Test func pointerEscapesSlashAndTilde() {
        #expect(lines(#"{"topic_name": "t", "replicas_assignments": {"a/b~c": "x"}}"#, "CreateTopicRequestData") == [
            #"error at /replicas_assignments/a~1b~0c (CreateTopicRequestData): expected array, got string "x""#,
        ])
    }
}
