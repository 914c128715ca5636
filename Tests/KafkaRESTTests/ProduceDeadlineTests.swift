import Foundation
@testable import KafkaREST
import KafkaRESTSupport
import Testing

/// Hostile servers cannot make a producer hang or fill memory: a stream whose head never
/// comes, whose reports never come, or whose one report never ends is given up within its
/// deadline or limit, and every record is still reported once.
@Suite("StreamingProducer: deadlines and limits against hostile servers")
struct ProduceDeadlineTests {
    /// A server that misbehaves in one way for every stream.
    struct HostileServer: StreamingFake {
        enum Mode: Sendable {
            /// Accepts the request and never sends the response head.
            case neverAnswers
            /// Sends the head, reads the body, never sends a report.
            case neverReports
            /// Starts one report and keeps writing into it forever.
            case endlessReport
            /// Answers every record at once, the first report good and the rest unreadable,
            /// all in one chunk.
            case goodThenUnreadable
        }

        let mode: Mode

        func openStream(_ request: APIRequest, body: BodyStream) async throws -> AsyncThrowingStream<Data, any Error> {
            switch mode {
            case .neverAnswers:
                try await Task.sleep(for: .seconds(3600))
                throw CancellationError()
            case .neverReports:
                let drain = Task { for await _ in body {} }
                return AsyncThrowingStream { continuation in
                    continuation.onTermination = { _ in drain.cancel() }
                }
            case .endlessReport:
                let (stream, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
                let writer = Task {
                    continuation.yield(Data(#"{"error_code":200,"message":""#.utf8))
                    let filler = Data(repeating: UInt8(ascii: "a"), count: 64 * 1024)
                    while !Task.isCancelled {
                        continuation.yield(filler)
                        await Task.yield()
                    }
                }
                let drain = Task { for await _ in body {} }
                continuation.onTermination = { _ in
                    writer.cancel()
                    drain.cancel()
                }
                return stream
            case .goodThenUnreadable:
                let (stream, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
                let answer = Task {
                    var records = 0
                    for await chunk in body {
                        records += chunk.count { $0 == UInt8(ascii: "\n") }
                        if records >= 3 { break }
                    }
                    continuation.yield(Data(#"{"error_code":200,"partition_id":0,"offset":7} {"error_code":"x"} {"error_code":200}"#.utf8))
                    continuation.finish()
                }
                continuation.onTermination = { _ in answer.cancel() }
                return stream
            }
        }
    }

    private func produce(_ mode: HostileServer.Mode, options: StreamingProducer.Options) async throws -> [ProduceResult] {
        try await produceAll(numberedRecords(3), through: HostileServer(mode: mode), options: options, clock: ContinuousClock())
    }

    @Test func aStreamWhoseHeadNeverComesFailsItsRecords() async throws {
        var options = StreamingProducer.Options(retryBudget: .init(streamOpens: 1), backoff: .none)
        options.openTimeout = .milliseconds(200)
        let producer = StreamingProducer(transport: HostileServer(mode: .neverAnswers), path: "/p", options: options)
        let reader = Task {
            var results: [ProduceResult] = []
            for await result in producer.results { results.append(result) }
            return results
        }
        for record in numberedRecords(3) {
            try? await producer.send(record)
        }
        await producer.finish()
        let results = await reader.value
        #expect(results.count == 3)
        for result in results {
            let error = try #require(result.outcome.failure, "\(result.outcome)")
            #expect(error.message.contains("no response head within"), "\(error.message)")
        }
    }

    @Test func aStreamWithoutReportsLeavesItsRecordsUnknown() async throws {
        var options = StreamingProducer.Options(retryBudget: .none, backoff: .none)
        options.reportTimeout = .milliseconds(200)
        let results = try await produce(.neverReports, options: options)
        #expect(results.count == 3)
        for result in results {
            guard case .unknown(let reason) = result.outcome else {
                Issue.record("expected unknown, got \(result.outcome)")
                continue
            }
            #expect(reason.contains("no delivery report for"), "\(reason)")
        }
    }

    @Test func reportsBeforeAnUnreadableOneInTheSameChunkAreApplied() async throws {
        let results = try await produce(.goodThenUnreadable, options: StreamingProducer.Options(retryBudget: .none, backoff: .none))
        #expect(results.count == 3)
        #expect(results.first?.outcome.delivery?.offset == 7, "\(String(describing: results.first?.outcome))")
        for result in results.dropFirst() {
            guard case .unknown(let reason) = result.outcome else {
                Issue.record("expected unknown, got \(result.outcome)")
                continue
            }
            #expect(reason.contains("a delivery report could not be decoded"), "\(reason)")
        }
    }

    @Test func aReportThatNeverEndsIsRefusedAtTheLimit() async throws {
        let results = try await produce(.endlessReport, options: StreamingProducer.Options(retryBudget: .none, backoff: .none))
        #expect(results.count == 3)
        for result in results {
            guard case .unknown(let reason) = result.outcome else {
                Issue.record("expected unknown, got \(result.outcome)")
                continue
            }
            #expect(reason.contains("longer than the limit of 1048576 bytes"), "\(reason)")
        }
    }
}
