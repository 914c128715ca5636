import Foundation
import KafkaREST
import Testing

@Suite("Produce: records, payloads and delivery reports")
struct ProduceRecordTests {
    /// The JSON the server receives for `record`, as a JSON value.
    static func wire(_ record: KafkaRecord) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(record.produceRequest))
    }

    @Test("binary, string and JSON payloads become BINARY base64, STRING and JSON data")
    func payloadTypes() throws {
        let record = KafkaRecord(key: .binary(Data([0, 1, 254, 255])), value: .string("héllo"))
        let json = try Self.wire(record)
        #expect(json["key"] == ["type": "BINARY", "data": "AAH+/w=="])
        #expect(json["value"] == ["type": "STRING", "data": "héllo"])

        let jsonRecord = KafkaRecord(value: .json(["amount": 59.9, "id": 1042]))
        #expect(try Self.wire(jsonRecord)["value"] == ["type": "JSON", "data": ["amount": 59.9, "id": 1042]])
    }

    @Test("Payload.json(encoding:) encodes any Encodable value")
    func encodablePayload() throws {
        struct Order: Encodable {
            var id: Int
            var currency: String
        }
        #expect(try Payload.json(encoding: Order(id: 7, currency: "EUR")) == .json(["id": 7, "currency": "EUR"]))
    }

    @Test("absent fields are left out; partition, timestamp and ordered headers are sent")
    func optionalFields() throws {
        #expect(try Self.wire(KafkaRecord()) == [:])
        let date = Date(timeIntervalSince1970: 1_773_480_413.589)
        let record = KafkaRecord(
            value: .string("v"),
            headers: [
                .init(name: "b", value: Data([1])),
                .init(name: "a", value: nil),
                .init(name: "b", string: "two"),
            ],
            partition: 3,
            timestamp: date
        )
        let json = try Self.wire(record)
        #expect(json["partition_id"] == 3)
        #expect(json["timestamp"] == "2026-03-14T09:26:53.589Z")
        #expect(json["headers"] == [
            ["name": "b", "value": "AQ=="],
            ["name": "a", "value": nil],
            ["name": "b", "value": "dHdv"],
        ])
    }

    @Test("a report with error_code 200 is delivered with partition, offset, timestamp and sizes")
    func deliveredReport() {
        let date = Date(timeIntervalSince1970: 1000)
        let report = ProduceResponse(
            errorCode: 200, partitionID: 2, offset: 15943, timestamp: .value(date),
            key: .value(ProduceResponseData(size: 10, type: .string)),
            value: .value(ProduceResponseData(size: 47, type: .json))
        )
        guard case .delivered(let delivery) = report.outcome else {
            Issue.record("expected delivered, got \(report.outcome)")
            return
        }
        #expect(delivery == DeliveryReport(partition: 2, offset: 15943, timestamp: date, keySize: 10, valueSize: 47))
    }

    @Test("a report with another error_code fails with status, error code and message", arguments: [
        (Int32(429), 429, true), (Int32(40403), 404, false), (Int32(408), 408, false), (Int32(50302), 503, true),
    ])
    func failedReport(code: Int32, status: Int, retryable: Bool) {
        let report = ProduceResponse(errorCode: code, message: "nope")
        guard case .failed(let error) = report.outcome else {
            Issue.record("expected failed, got \(report.outcome)")
            return
        }
        #expect(error.kind == .http)
        #expect(error.status == status)
        #expect(error.errorCode == Int(code))
        #expect(error.message == "nope")
        #expect(error.isRetryable == retryable)
    }

    @Test("a success report without partition or offset is unknown, not delivered")
    func incompleteReport() {
        guard case .unknown(let reason) = ProduceResponse(errorCode: 200).outcome else {
            Issue.record("expected unknown")
            return
        }
        #expect(reason.contains("without partition_id and offset"))
    }
}
