import Foundation
import KafkaREST
import Testing

/// Results reach the reader in batches: one per report chunk or per event that settles many
/// records at once; one by one they are the same results.
@Suite("Produce: result batches")
struct ProduceResultsTests {
    @Test("a cancellation settles every outstanding record in one batch")
    func cancellationIsOneBatch() async throws {
        let fake = ProduceFakeKafka(behaviour: { _ in .init(reportDelay: .seconds(3600)) })
        let producer = StreamingProducer(transport: fake, path: "/p", options: .init(maxInFlight: 100, backoff: .none))
        let collector = Task {
            var batches: [[ProduceResult]] = []
            for await batch in producer.results.batches { batches.append(batch) }
            return batches
        }
        for record in numberedRecords(20) {
            try await producer.send(record)
        }
        var waited = 0
        while fake.recordsReceived < 1 && waited < 20_000 {
            try await Task.sleep(for: .milliseconds(1))
            waited += 1
        }
        producer.cancel()
        let batches = await collector.value
        #expect(!batches.contains { $0.isEmpty }, "no empty batch")
        #expect(batches.count == 1, "\(batches.map(\.count))")
        #expect(batches.joined().map(\.index).sorted() == Array(0..<20))
        #expect(batches.joined().allSatisfy { $0.outcome.delivery == nil }, "written ones unknown, queued ones failed")
    }

    @Test("the one-by-one view yields every result of every batch, in order")
    func oneByOne() async throws {
        let fake = ProduceFakeKafka()
        let producer = StreamingProducer(transport: fake, path: "/p", options: .init(maxInFlight: 10, backoff: .none))
        let collector = Task { await producer.results.reduce(into: [Int]()) { $0.append($1.index) } }
        for record in numberedRecords(50) {
            try await producer.send(record)
        }
        await producer.finish()
        #expect(await collector.value == Array(0..<50))
    }
}
