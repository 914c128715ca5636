import Foundation
import FuzzSupport
import KafkaREST
import KafkaRESTTesting
import Testing

/// The server closing streams at random (seeded) points, over many runs: every record must
/// be reported exactly once and match what the server stored.
@Suite("StreamingProduce: random stream closes")
struct StreamingProduceRandomCloseTests {
    static let runs = 200
    static let perRecordResends = 5

    /// Three streams in four close after 0–12 records, withholding the reports of up to 3 of
    /// the records they handled; the fourth runs to its end. Decided by the stream's number.
    static func faults(forStream stream: Int) -> StreamFaults {
        var random = SeededGenerator(seed: 0x5EED_C105E ^ UInt64(stream))
        guard Int.random(in: 0..<4, using: &random) != 0 else { return .none }
        let close = Int.random(in: 0...12, using: &random)
        return .closeStream(afterRecords: close, withholding: Int.random(in: 0...min(3, close), using: &random))
    }

    @Test("random closes over 200 runs: every record reported once; delivered ones stored where reported; duplicates only from resent unknowns")
    func randomCloses() async throws {
        try await withTestServer { server in
            try await withTransport(baseURL: server.baseURL) { transport in
                server.setStreamFaults(Self.faults(forStream:))
                var random = SeededGenerator(seed: 0xC0FFEE)
                var totals = (delivered: 0, unknown: 0, storedUnknown: 0, duplicates: 0)
                for run in 0..<Self.runs {
                    let topic = "run-\(run)"
                    server.createTopic(topic, partitionsCount: 2)
                    let records = streamingRecords(Int.random(in: 5...30, using: &random), prefix: topic)
                    let resendUnknown = run % 2 == 1
                    let results = try await streamAll(
                        records,
                        transport: transport,
                        path: streamingPath(server, topic: topic),
                        options: streamingOptions(
                            maxInFlight: 8,
                            retryBudget: StreamingProducer.RetryBudget(perRecord: Self.perRecordResends),
                            resendUnknown: resendUnknown
                        )
                    )
                    let (storedUnknown, duplicates) = Self.check(
                        results,
                        of: records,
                        stored: server.records(topic: topic),
                        resendUnknown: resendUnknown,
                        run: run
                    )
                    totals.delivered += results.count { $0.outcome.asDelivered != nil }
                    totals.unknown += results.count { $0.outcome.wasUnknown }
                    totals.storedUnknown += storedUnknown
                    totals.duplicates += duplicates
                }
                #expect(totals.unknown > 0, "some records were left unknown")
                #expect(totals.storedUnknown > 0, "some unknown records were in fact written (withheld reports)")
                #expect(totals.duplicates > 0, "some resent unknown records were written twice")
                #expect(totals.delivered > totals.unknown)
                #expect(server.streamStatistics.streamsOpened > Self.runs)
                #expect(server.streamStatistics.reportsWithheld > 0)
            }
        }
    }

    /// Checks one run; returns how many unknown records the server stored and how many extra
    /// copies it stored.
    ///
    /// - Every record has exactly one result (checked by ``streamAll(_:transport:path:options:)``),
    ///   delivered or unknown: no record fails, since nothing rejects records or opens.
    /// - A delivered record is stored at the partition and offset of its report.
    /// - The server stored nothing but the run's records.
    /// - Without `resendUnknown`, every record is stored at most once, so a stored record that
    ///   is not delivered is one reported unknown.
    /// - With `resendUnknown`, a record is stored at most once per send (1 + the per-record
    ///   resend budget): extra copies come only from records left without report and resent.
    ///
    /// The unknown records that the server stored are not compared with the reports it
    /// withheld: a report written just before a close can still be lost by the client's HTTP
    /// stack, and its record is then rightly unknown as well.
    static func check(
        _ results: [ProduceResult],
        of records: [KafkaRecord],
        stored: [KafkaRESTTestServer.ProducedRecord],
        resendUnknown: Bool,
        run: Int
    ) -> (storedUnknown: Int, duplicates: Int) {
        let names = Set(records.indices.map { "run-\(run)-\($0)" })
        var copies: [String: [KafkaRESTTestServer.ProducedRecord]] = [:]
        for record in stored {
            let name = storedValue(record) ?? "?"
            #expect(names.contains(name), "run \(run): the server stored a record never sent: \(name)")
            copies[name, default: []].append(record)
        }
        var storedUnknown = 0
        for result in results {
            let name = "run-\(run)-\(result.index)"
            let mine = copies[name] ?? []
            switch result.outcome {
            case .delivered(let report):
                #expect(
                    mine.contains { $0.partition == Int(report.partition) && $0.offset == report.offset },
                    "run \(run): \(name) reported at \(report.partition)/\(report.offset) but stored at \(mine.map { "\($0.partition)/\($0.offset)" })"
                )
            case .unknown:
                storedUnknown += mine.isEmpty ? 0 : 1
            case .failed(let error):
                Issue.record("run \(run): \(name) failed: \(error)")
            }
            if resendUnknown {
                #expect(mine.count <= 1 + perRecordResends, "run \(run): \(name) stored \(mine.count) times")
            } else {
                #expect(mine.count <= 1, "run \(run): \(name) stored \(mine.count) times without resends of unknowns")
            }
        }
        return (storedUnknown, copies.values.reduce(0) { $0 + max(0, $1.count - 1) })
    }
}
