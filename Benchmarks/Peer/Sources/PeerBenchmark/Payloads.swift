import Foundation

/// The JSON both sides decode: one record to produce and its delivery report, as a client
/// sends and receives them.
enum Payloads {
    /// A record with two headers, a binary key, a JSON value and a millisecond timestamp.
    static let produceRequest = Data("""
        {"headers":[{"name":"trace-id","value":"N2YzYzlhMmU="},{"name":"content-type","value":"YXBwbGljYXRpb24vanNvbg=="}],\
        "key":{"type":"BINARY","data":"AAECA/7/EIA="},\
        "value":{"type":"JSON","data":{"order_id":1042,"amount":59.9,"currency":"EUR","express":true,"lines":[{"sku":"A-17","quantity":2},{"sku":"B-3","quantity":1}],"note":null}},\
        "timestamp":"2026-11-24T10:15:30.123Z"}
        """.utf8)

    /// The delivery report of that record.
    static let produceResponse = Data("""
        {"error_code":200,"cluster_id":"lkc-abc123","topic_name":"orders","partition_id":2,"offset":1594301,\
        "timestamp":"2026-11-24T10:15:30.123Z","key":{"size":8,"type":"BINARY"},"value":{"size":121,"type":"JSON"}}
        """.utf8)

    /// What both payloads hold, as each side's decoded values must show it.
    static let expectedRequest = RequestSummary(
        headers: [
            HeaderSummary(name: "trace-id", value: Data("7f3c9a2e".utf8)),
            HeaderSummary(name: "content-type", value: Data("application/json".utf8)),
        ],
        keyType: "BINARY",
        keyBytes: Data([0x00, 0x01, 0x02, 0x03, 0xFE, 0xFF, 0x10, 0x80]),
        valueType: "JSON",
        valueJSON: #"{"amount":59.9,"currency":"EUR","express":true,"lines":[{"quantity":2,"sku":"A-17"},{"quantity":1,"sku":"B-3"}],"note":null,"order_id":1042}"#,
        timestampMilliseconds: expectedMilliseconds
    )

    static let expectedResponse = ResponseSummary(
        errorCode: 200,
        clusterID: "lkc-abc123",
        topicName: "orders",
        partitionID: 2,
        offset: 1_594_301,
        timestampMilliseconds: expectedMilliseconds,
        keySize: 8,
        keyType: "BINARY",
        valueSize: 121,
        valueType: "JSON"
    )

    /// 2026-11-24T10:15:30.123Z in milliseconds since 1970.
    static let expectedMilliseconds: Int64 = 1_795_515_330_123

    /// The payloads' timestamp as our `DateTimeCoding` parses it.
    static let timestamp = Date(timeIntervalSince1970: Double(expectedMilliseconds) / 1000)
}
