import Foundation
@testable import KafkaREST
import KafkaRESTTesting
import Testing
import TransportDoubles

@Suite("Produce: schema-based payloads")
struct SchemaPayloadTests {
    static let order: JSONValue = .object(["id": .integer(7), "total": .double(12.5)])

    /// The wire JSON of `payload` as a record value.
    private func wire(_ payload: Payload) throws -> JSONValue {
        try JSONValue(jsonBytes: KafkaRecord(value: payload).produceRequest.jsonBytes())["value"] ?? .null
    }

    @Test("every schema selector maps to the wire fields", arguments: [
        (SchemaSelector.id(100_042), #"{"type":"AVRO","schema_id":100042}"#),
        (.subject("orders-value", version: 3), #"{"type":"AVRO","subject":"orders-value","schema_version":3}"#),
        (.subject("orders-value", version: nil), #"{"type":"AVRO","subject":"orders-value"}"#),
        (.latest(subject: "orders-value"), #"{"type":"AVRO","subject":"orders-value"}"#),
        (.strategy(.topicName), #"{"type":"AVRO","subject_name_strategy":"TOPIC_NAME"}"#),
        (.strategy(.recordName, version: 2), #"{"type":"AVRO","subject_name_strategy":"RECORD_NAME","schema_version":2}"#),
        (.inline(#"{"type":"string"}"#), #"{"type":"AVRO","schema":"{\"type\":\"string\"}"}"#),
        (.inline("syntax = \"proto3\";", subject: "s"), #"{"type":"AVRO","schema":"syntax = \"proto3\";","subject":"s"}"#),
    ])
    func selectors(selector: SchemaSelector, expected: String) throws {
        guard case .object(var fields) = try wire(.avro(Self.order, schema: selector)) else {
            Issue.record("the value is not an object")
            return
        }
        #expect(fields.removeValue(forKey: "data") == Self.order)
        #expect(JSONValue.object(fields) == (try JSONValue(jsonBytes: Data(expected.utf8))))
    }

    @Test("the format of each schema payload is its type")
    func types() throws {
        #expect(try wire(.jsonSchema(Self.order, schema: .id(1)))["type"] == .string("JSONSCHEMA"))
        #expect(try wire(.protobuf(Self.order, schema: .id(1)))["type"] == .string("PROTOBUF"))
    }

    @Test("impossible selections are refused before sending, naming the part and the field", arguments: [
        (Payload.avro(.null, schema: .id(0)), "value: schema_id must be a Schema Registry id (1 or more), not 0"),
        (.avro(.null, schema: .subject("", version: 1)), "value: subject must not be empty"),
        (.jsonSchema(.null, schema: .subject("s", version: 0)), "value: schema_version must be 1 or more, not 0"),
        (.protobuf(.null, schema: .strategy(.topicName, version: -1)), "value: schema_version must be 1 or more, not -1"),
        (.avro(.null, schema: .inline("")), "value: schema must not be empty"),
        (.avro(.null, schema: .latest(subject: "")), "value: subject must not be empty"),
    ])
    func refusedBeforeSending(payload: Payload, message: String) async throws {
        let transport = ScriptedTransport()
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        let error = try await #require(throws: KafkaRESTError.self) {
            _ = try await kafka.produce(KafkaRecord(value: payload), to: "orders")
        }
        #expect(error.kind == .invalidRequest)
        #expect(error.message.hasPrefix(message), "\(error.message)")
        #expect(transport.requests.isEmpty, "nothing was sent")

        let fake = ProduceFakeKafka()
        let results = try await produceAll([KafkaRecord(value: payload)], through: fake, options: .init(backoff: .none))
        #expect(results.first?.outcome.failure?.message.hasPrefix(message) == true)
        #expect(fake.recordsReceived == 0, "the producer sent nothing")
    }

    @Test("the test server accepts schema-typed records and reports their format and size")
    func testServer() async throws {
        try await withIntegrationClient { server, kafka in
            server.createTopic("orders", partitionsCount: 1)
            let record = KafkaRecord(key: .string("k"), value: .avro(Self.order, schema: .subject("orders-value", version: 1)))
            let answer = try await kafka.records.produceRecord(clusterID: server.clusterID, topicName: "orders", body: record.produceRequest)
            #expect(answer.offset == 0)
            let stored = try #require(server.records(topic: "orders").first)
            #expect(stored.value?.type == .avro)
            #expect(stored.value?.subject?.value == "orders-value")
            #expect(stored.value?.schemaVersion?.value == 1)
            let report = try #require(answer.value?.value)
            #expect(report.type == .avro)
            #expect(report.size == Int64(SchemaRegistryWireFormat.headerSize + Self.order.jsonBytes().count))
        }
    }
}
