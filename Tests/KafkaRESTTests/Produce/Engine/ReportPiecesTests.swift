import Foundation
@testable import KafkaREST
import Testing

/// A produce endpoint that answers every record with a delivery report and hands its reports
/// over in pieces of `piece` bytes, each piece a chunk of its own, so report boundaries fall
/// anywhere in a chunk: the reader reads reports where they lie and keeps the cut ones.
struct PiecewiseReports: StreamingFake {
    let piece: Int

    func openStream(_ request: APIRequest, body: BodyStream) async throws -> AsyncThrowingStream<Data, any Error> {
        let (stream, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
        let piece = piece
        let answering = Task {
            var splitter = ConcatenatedJSONSplitter()
            var offset = 0
            for await chunk in body {
                var reports: [UInt8] = []
                for _ in (try? splitter.feed(Data(chunk))) ?? [] {
                    reports += Array(#"{"error_code":200,"cluster_id":"lkc-pieces","topic_name":"events","partition_id":0,"offset":\#(offset),"timestamp":"2026-12-04T10:00:00.000Z","value":{"type":"STRING","size":8}}"#.utf8)
                    reports += [13, 10]
                    offset += 1
                }
                var start = 0
                while start < reports.count {
                    continuation.yield(Data(reports[start..<min(start + piece, reports.count)]))
                    start += piece
                }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in answering.cancel() }
        return stream
    }
}

@Suite("Produce: delivery reports cut anywhere")
struct ReportPiecesTests {
    @Test("reports in pieces of any size are each read once, in order, at their offsets", arguments: [1, 2, 7, 13, 64, 1000])
    func pieces(_ piece: Int) async throws {
        let records = streamingRecords(120)
        let results = try await streamAll(records, transport: PiecewiseReports(piece: piece), path: "/p", options: streamingOptions(maxInFlight: 16))
        let offsets = results.sorted { $0.index < $1.index }.map { $0.outcome.asDelivered?.offset }
        #expect(offsets == (0..<Int64(records.count)).map { $0 })
    }
}
