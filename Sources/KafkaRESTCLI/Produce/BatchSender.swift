import Foundation
import KafkaREST

/// Sends records in concatenated-JSON produce requests, one request per batch, and reads one
/// delivery report per record.
struct BatchSender: Sendable {
    /// The client.
    let kafka: KafkaRESTClient
    /// The cluster id.
    let cluster: String
    /// The topic name.
    let topic: String

    /// Sends `records` in one request and returns their outcomes, in order.
    ///
    /// - Throws: ``KafkaRESTError`` when the whole request fails (an error status, a transport
    ///   failure); no record of the batch was written then, or, for a transport failure after
    ///   sending, it is not known which were.
    func send(_ records: [KafkaRecord]) async throws -> [RecordOutcome] {
        var request = APIRequest(
            operationID: "produceRecord",
            method: .post,
            pathTemplate: "/clusters/{cluster_id}/topics/{topic_name}/records",
            path: "/clusters/\(PathSegment.encode(cluster))/topics/\(PathSegment.encode(topic))/records"
        )
        request.headers.replaceOrAdd(name: "Accept", value: "application/json")
        request.body = .bytes(try ConcatenatedJSONEncoder.encode(records.map(\.produceRequest)), contentType: "application/json")
        let response = try await kafka.api.transport.send(request)
        guard response.status == 200 else {
            throw response.error(operationID: "produceRecord")
        }
        var splitter = ConcatenatedJSONSplitter()
        let reports = try splitter.feed(response.body)
        try splitter.finish()
        return try records.indices.map { index in
            guard reports.indices.contains(index) else {
                return .unknown(reason: "the server sent \(reports.count) delivery reports for \(records.count) records")
            }
            return try response.decodeReport(reports[index]).outcome
        }
    }
}

extension APIResponse {
    /// One delivery report of a produce response.
    fileprivate func decodeReport(_ report: Data) throws -> ProduceResponse {
        try APIResponse(status: status, headers: headers, body: report).decode(ProduceResponse.self, operationID: "produceRecord")
    }
}
