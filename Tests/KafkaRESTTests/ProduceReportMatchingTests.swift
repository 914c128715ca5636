import Foundation
import KafkaREST
import KafkaRESTSupport
import Testing

/// Reports that cannot be the oldest record's: the protocol has no correlation id, but what
/// can be caught turns the rest of the stream unknown instead of wrongly delivered.
@Suite("StreamingProducer: reports that no longer match their records")
struct ProduceReportMatchingTests {
    /// Waits until `records` records have arrived on a stream, then answers them all in one
    /// chunk, the n-th with `reports(n)`.
    struct Answering: StreamingFake {
        let records: Int
        let reports: @Sendable (Int) -> String

        func openStream(_ request: APIRequest, body: BodyStream) async throws -> AsyncThrowingStream<Data, any Error> {
            let (stream, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
            let task = Task {
                var received = 0
                for await chunk in body {
                    received += chunk.count(where: { $0 == UInt8(ascii: "\n") })
                    if received >= records { break }
                }
                continuation.yield(Data((0..<records).map(reports).joined().utf8))
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
            return stream
        }
    }

    static func delivered(partition: Int, offset: Int) -> String {
        #"{"error_code":200,"partition_id":\#(partition),"offset":\#(offset)}"# + "\r\n"
    }

    private func produce(_ records: [KafkaRecord], _ server: Answering) async throws -> [ProduceResult] {
        try await produceAll(records, through: server, options: StreamingProducer.Options(maxInFlight: 100, retryBudget: .none, backoff: .none))
    }

    @Test("two reports per record: once an offset goes back, the records from there on are unknown, not delivered")
    func extraReports() async throws {
        let server = Answering(records: 4) { Self.delivered(partition: 0, offset: $0) + Self.delivered(partition: 0, offset: $0 + 100) }
        let results = try await produce(numberedRecords(4), server)
        #expect(results.count == 4)
        #expect(results[0].outcome.delivery?.offset == 0)
        #expect(results[1].outcome.delivery?.offset == 100, "the one wrong report no check can catch")
        for result in results.dropFirst(2) {
            guard case .unknown(let reason) = result.outcome else {
                Issue.record("expected unknown, got \(result.outcome)")
                continue
            }
            #expect(reason.contains("the delivery reports no longer match the records"), "\(reason)")
        }
    }

    @Test("a report for another partition than the record's own is not taken as its delivery")
    func wrongPartition() async throws {
        let server = Answering(records: 2) { Self.delivered(partition: 1, offset: $0) }
        let results = try await produce(numberedRecords(2, partition: { _ in 0 }), server)
        #expect(results.allSatisfy { $0.outcome.delivery == nil }, "\(results.map(\.outcome))")
        #expect(results.contains { if case .unknown(let reason) = $0.outcome { reason.contains("partition 1 answered a record sent to partition 0") } else { false } })
    }
}
