import Foundation
import KafkaRESTAPI
import KafkaRESTSupport
import KafkaRESTValidation
import Testing

/// Validating JSON text, API requests and newline-delimited records.
@Suite("Requests, JSON text and records")
struct RequestAndRecordsTests {
    let validator = SchemaValidator()

    @Test func requestBodyIsValidatedAgainstItsSchemaName() throws {
        var request = APIRequest(operationID: "createKafkaTopic", method: .post, pathTemplate: "/clusters/{cluster_id}/topics", path: "/clusters/lkc-1/topics")
        try request.setJSONBody(CreateTopicRequestData(topicName: "a/b", partitionsCount: 3), schemaName: "CreateTopicRequestData")
        #expect(validator.validate(request).map(\.pointer) == ["/topic_name"])
        try request.setJSONBody(CreateTopicRequestData(topicName: "orders", partitionsCount: 3), schemaName: "CreateTopicRequestData")
        #expect(validator.validate(request).isEmpty)
    }

    @Test func requestWithNothingToCheck() throws {
        var request = APIRequest(operationID: "listKafkaTopics", method: .get, pathTemplate: "/clusters/{cluster_id}/topics", path: "/clusters/lkc-1/topics")
        #expect(validator.validate(request).isEmpty)
        try request.setJSONBody(["topic_name": 1], schemaName: nil)
        #expect(validator.validate(request).isEmpty)
        request.bodySchemaName = "CreateTopicRequestData"
        request.body = .bytes(Data("topic_name=x".utf8), contentType: "application/x-www-form-urlencoded")
        #expect(validator.validate(request).isEmpty)
        request.body = .bytes(Data(#"{"topic_name": 1}"#.utf8), contentType: "application/vnd.kafka+json; charset=utf-8")
        #expect(validator.validate(request).map(\.pointer) == ["/topic_name"])
    }

    @Test func invalidJSONSaysWhereParsingStopped() {
        #expect(lines("{\"topic_name\": }", "CreateTopicRequestData") == [
            "error at root (CreateTopicRequestData): invalid JSON at line 1, column 16: unexpected '}', expected a value",
        ])
        #expect(lines("{\n  \"topic_name\": \"a\"\n  \"x\": 1}", "CreateTopicRequestData") == [
            "error at root (CreateTopicRequestData): invalid JSON at line 3, column 3: unexpected '\"', expected ',' or '}' in an object",
        ])
        #expect(lines(#"{"topic_name": "a"} x"#, "CreateTopicRequestData") == [
            "error at root (CreateTopicRequestData): invalid JSON at line 1, column 21: unexpected 'x' after the value",
        ])
        #expect(lines("", "CreateTopicRequestData") == [
            "error at root (CreateTopicRequestData): invalid JSON at line 1, column 1: unexpected end of input, expected a value",
        ])
        #expect(lines(#"{"topic_name": "abc"#, "CreateTopicRequestData").first?.hasSuffix("string is not closed") == true)
        #expect(lines("[1e999]", "AnyValue").first?.hasSuffix("number 1e999 is too large") == true)
        #expect(lines(#"{"a": "\ud800"}"#, "AnyValue").first?.hasSuffix(#"unpaired surrogate in a \u escape"#) == true)
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(lines(deep, "AnyValue").first?.hasSuffix("nested deeper than 512 levels") == true)
    }

    @Test func parserReadsEscapesAndNumbersLikeJSONDecoder() throws {
        let text = #"{"s": "a\"b\\c\/d\n\u00e9\ud83d\ude00", "i": -12, "d": 1.25, "w": 2.0, "big": 18446744073709551616, "t": true, "n": null, "a": []}"#
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        let schema = SchemaDescriptor(type: "object", properties: decoded.objectValue!.keys.sorted().map {
            .init(name: $0, schema: SchemaDescriptor(type: "boolean"))
        })
        let validator = SchemaValidator(table: ["All": schema])
        // Every member is the wrong type, so each message shows how the parser read it.
        let messages = validator.validate(json: Data(text.utf8), against: "All").map(\.message)
        #expect(messages == [
            #"expected boolean, got string "a\"b\\c/d\né😀""#,
            "expected boolean, got integer -12",
            "expected boolean, got number 1.25",
            "expected boolean, got integer 2",
            "expected boolean, got number 18446744073709551616",
            "expected boolean, got null",
            "expected boolean, got array of 0 items",
        ])
        #expect(validator.validate(decoded, against: "All").map(\.message).sorted() == messages.sorted())
    }

    @Test func recordsAreValidatedLineByLine() {
        let ndjson = """
            {"value": {"type": "JSON", "data": {"id": 1}}}

            {"value": {"type": "BINARY", "data": "%%"}}\r
            {"partition_id": "zero"}
               \t
            not json
            {"key": {"type": "STRING", "data": "k"}}

            """
        let results = validator.validateRecords(ndjson: Data(ndjson.utf8), against: "ProduceRequest")
        #expect(results.map(\.line) == [1, 3, 4, 6, 7])
        #expect(results.map { $0.violations.map(\.pointer) } == [[], ["/value/data"], ["/partition_id"], [""], []])
        #expect(results[3].violations.first?.message.hasPrefix("invalid JSON at line 1, column 1") == true)
    }

    @Test func emptyRecordsInputHasNoLines() {
        #expect(validator.validateRecords(ndjson: Data(), against: "ProduceRequest").isEmpty)
        #expect(validator.validateRecords(ndjson: Data("\n\n".utf8), against: "ProduceRequest").isEmpty)
    }

    @Test func fullProduceRequestWithinTheSizeLimitHasNoViolations() {
        let request: JSONValue = [
            "partition_id": 1,
            "headers": [["name": "trace", "value": "aGk="]],
            "key": ["type": "STRING", "data": "customer-42"],
            "value": ["type": "JSON", "data": ["id": 42, "amount": 12.5, "tags": ["a", "b"]]],
            "timestamp": "2021-12-13T16:29:10.951Z",
        ]
        let limited = SchemaValidator(rules: KafkaRules(maxMessageBytes: 1_000_000))
        #expect(limited.validate(request, against: "ProduceRequest").isEmpty)
        let tight = SchemaValidator(rules: KafkaRules(maxMessageBytes: 10))
        #expect(tight.validate(request, against: "ProduceRequest").map(\.pointer) == [""])
    }
}
