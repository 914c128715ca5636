import FuzzSupport
import Foundation
@testable import KafkaREST
import Testing

/// The produce paths' delivery-report reader against the generated `ProduceResponse` reader:
/// the same documents read, to the same outcome, and the same ones refused.
@Suite("Produce: the delivery-report reader agrees with ProduceResponse")
struct OutcomeReportTests {
    static let documents: [String] = [
        #"{"error_code":200,"cluster_id":"lkc-abc123","topic_name":"orders","partition_id":3,"offset":1234567,"timestamp":"2026-11-24T10:15:30.123Z","key":{"type":"BINARY","size":7},"value":{"type":"JSON","size":52}}"#,
        #"{"error_code":200,"partition_id":0,"offset":0}"#,
        #"{"error_code":200}"#,
        #"{"error_code":200,"partition_id":1,"offset":9,"timestamp":null,"key":null,"value":null,"cluster_id":null,"topic_name":null,"message":null}"#,
        #"{"error_code":200,"partition_id":1,"offset":9,"value":{"type":"AVRO","size":12,"subject":"orders-value","schema_id":100001,"schema_version":3}}"#,
        #"{"error_code":200,"partition_id":1,"offset":9,"value":{"type":"SOMETHING_NEW","size":12},"extra":{"nested":[1,2,{"x":null}]}}"#,
        #"{"offset":5,"partition_id":2,"error_code":200,"offset":6,"partition_id":7}"#,
        #"{"error_code":429,"message":"slow down"}"#,
        #"{"error_code":40403,"message":""}"#,
        #"{"error_code":77777,"message":"strange \u00e9\n"}"#,
        #"{"error\u005fcode":200,"partition_id":4,"offset":2}"#,
        #" { "error_code" : 200 , "partition_id" : 1 , "offset" : 1.0e1 } "#,
        #"{"error_code":200,"cluster_id":"a long cluster identifier, well over fifteen bytes","topic_name":"t\"q","partition_id":1,"offset":3}"#,
        #"{"error_code":200,"cluster_id":"c","cluster_id":5,"partition_id":1,"offset":3}"#,
        // Refused by both readers:
        #"{"cluster_id":"lkc","partition_id":0,"offset":1}"#,
        #"{"error_code":"200"}"#,
        #"{"error_code":4294967296}"#,
        #"{"error_code":200,"cluster_id":5}"#,
        #"{"error_code":200,"topic_name":{"name":"t"}}"#,
        #"{"error_code":200,"message":false}"#,
        #"{"error_code":200,"partition_id":"1","offset":3}"#,
        #"{"error_code":200,"partition_id":1,"offset":1.5}"#,
        #"{"error_code":200,"timestamp":"yesterday"}"#,
        #"{"error_code":200,"key":{"type":"JSON"}}"#,
        #"{"error_code":200,"value":{"size":3,"type":7}}"#,
        #"{"error_code":200,"value":"JSON"}"#,
        #"{"error_code":200,"value":{"size":3,"type":null,"subject":7}}"#,
        #"{"error_code":200,"value":{"size":3,"type":"AVRO","schema_id":"1"}}"#,
        #"{"error_code":200,"value":{"size":3,"type":"AVRO","schema_version":1.5}}"#,
        #"{"error_code":200,"value":{"size":"3","type":"AVRO"}}"#,
        #"{"error_code":200,"value":{"type":"AVRO"}}"#,
        #"{"error_code":200,"key":{"size":-1,"type":null,"subject":null,"schema_id":null,"schema_version":null,"size":"x","type":5}}"#,
        #"{"error_code":200,"topic_name":"bad \ud800 surrogate"}"#,
        #"{"error_code":200,"partition_id":1,"offset":3"#,
        #"{"error_code":200} trailing"#,
        #"[{"error_code":200}]"#,
    ]

    @Test("every document", arguments: documents)
    func document(_ text: String) {
        expectAgreement(Array(text.utf8), "\(text)")
    }

    @Test("documents changed at random, byte by byte")
    func mutations() {
        let sources = Self.documents.prefix(14).map { Array($0.utf8) }
        let alphabet = Array(#"{}[]":,0123456789-.eE "\nabcnul\u{1}tf"#.utf8)
        for index in 0..<3_000 {
            var random = SeededGenerator(seed: FuzzBudget.defaultSeed, index: index)
            let source = sources[Int.random(in: 0..<sources.count, using: &random)]
            let bytes = random.edited(source, edits: 1...3, alphabet: alphabet)
            expectAgreement(bytes, "input \(index): \(String(decoding: bytes, as: UTF8.self))")
        }
    }

    private func expectAgreement(_ bytes: [UInt8], _ context: String) {
        let full = Result { try ProduceResponse(jsonBytes: bytes) }
        let lean = Result { try OutcomeReport(jsonBytes: bytes) }
        switch (full, lean) {
        case (.success(let response), .success(let report)):
            #expect(Self.describe(report.outcome) == Self.describe(response.outcome), "\(context)")
        case (.failure(let expected), .failure(let error)):
            #expect("\(error)" == "\(expected)", "\(context)")
        case (.success, .failure(let error)):
            Issue.record("only OutcomeReport refused it (\(error)): \(context)")
        case (.failure(let error), .success):
            Issue.record("only ProduceResponse refused it (\(error)): \(context)")
        }
    }

    private static func describe(_ outcome: RecordOutcome) -> String {
        switch outcome {
        case .delivered(let report): "delivered \(report)"
        case .failed(let error): "failed \(error.errorCode ?? -1) \(error.status ?? -1) \(error.message)"
        case .unknown(let reason): "unknown \(reason)"
        }
    }
}
