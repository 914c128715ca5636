import Foundation
import KafkaREST
import Testing

@Suite("Produce: streaming producer")
struct ProduceStreamingTests {
    static let quick = StreamingProducer.Options(backoff: .none)

    @Test("reports come back in order, matched to records, with offsets per partition")
    func inOrder() async throws {
        let fake = ProduceFakeKafka(partitions: 2)
        let records = numberedRecords(50, partition: { Int32($0 % 2) })
        let results = try await produceAll(records, through: fake, options: Self.quick)
        #expect(results.map(\.index) == Array(0..<50))
        for result in results {
            let report = try #require(result.outcome.delivery)
            #expect(report.partition == Int32(result.index % 2))
            #expect(report.offset == Int64(result.index / 2))
            #expect(result.record == records[result.index])
        }
        #expect(fake.streamsOpened == 1)
        #expect(fake.paths == ["/clusters/c/topics/t/records"])
    }

    @Test("per-record errors are surfaced with their codes; 5xx is not resent")
    func perRecordErrors() async throws {
        let fake = ProduceFakeKafka(answer: { value, _ in
            switch value {
            case 3: 40403
            case 5: 500
            case 7: 413
            default: nil
            }
        })
        let results = try await produceAll(numberedRecords(10), through: fake, options: Self.quick)
        #expect(results[3].outcome.failure?.errorCode == 40403)
        #expect(results[3].outcome.failure?.status == 404)
        #expect(results[5].outcome.failure?.status == 500)
        #expect(results[7].outcome.failure?.status == 413)
        #expect(results.filter { $0.outcome.delivery != nil }.count == 7)
        #expect(fake.receivedValues.count == 10, "nothing resent")
    }

    @Test("a 429 is resent after backoff and then delivered")
    func resendAfter429() async throws {
        let fake = ProduceFakeKafka(answer: { value, attempt in value == 4 && attempt < 2 ? 429 : nil })
        let clock = VirtualProduceClock()
        let options = StreamingProducer.Options(backoff: .init(initial: .milliseconds(100), maximum: .seconds(1), jitter: false))
        let results = try await produceAll(numberedRecords(10), through: fake, options: options, clock: clock)
        #expect(results.allSatisfy { $0.outcome.delivery != nil })
        #expect(fake.receivedValues.filter { $0 == 4 }.count == 3)
        #expect(clock.sleeps.contains(.milliseconds(100)) && clock.sleeps.contains(.milliseconds(200)))
    }

    @Test("a 429 beyond the per-record budget is reported failed with a note")
    func budgetExhausted() async throws {
        let fake = ProduceFakeKafka(answer: { value, _ in value == 1 ? 429 : nil })
        let options = StreamingProducer.Options(retryBudget: .init(perRecord: 2), backoff: .none)
        let results = try await produceAll(numberedRecords(3), through: fake, options: options)
        let error = try #require(results[1].outcome.failure)
        #expect(error.status == 429)
        #expect(error.message.contains("already resent 2 times"))
        #expect(fake.receivedValues.filter { $0 == 1 }.count == 3)
    }

    @Test("a 408 (stream open too long) moves the record and those after it to a new stream")
    func rotationOn408() async throws {
        let fake = ProduceFakeKafka(answer: { value, attempt in
            guard attempt == 0, let number = value?.int64Value else { return nil }
            return number >= 5 ? 408 : nil
        })
        let results = try await produceAll(numberedRecords(12), through: fake, options: .init(ordering: .fast, backoff: .none))
        #expect(results.allSatisfy { $0.outcome.delivery != nil }, "\(results.map(\.outcome))")
        #expect(fake.streamsOpened >= 2)
        let offsets = results.compactMap(\.outcome.delivery).map { "\($0.partition)/\($0.offset)" }
        #expect(Set(offsets).count == 12)
    }

    @Test("a broken stream makes records sent without report unknown; the rest go on a new stream")
    func brokenStream() async throws {
        let fake = ProduceFakeKafka(behaviour: { stream in
            stream == 1 ? .init(breakAfterRecords: 6, reportBatch: 4) : .init()
        })
        let results = try await produceAll(numberedRecords(20), through: fake, options: .init(maxInFlight: 10, backoff: .none))
        let unknown = results.filter(\.outcome.isUnknown).map(\.index)
        let delivered = results.filter { $0.outcome.delivery != nil }.map(\.index)
        #expect(unknown.count + delivered.count == 20)
        #expect(delivered.starts(with: [0, 1, 2, 3]))
        #expect(!unknown.isEmpty && unknown.allSatisfy { $0 >= 4 && $0 < 14 })
        #expect(fake.streamsOpened == 2)
    }

    @Test("resendUnknown sends the records of a broken stream again")
    func resendUnknown() async throws {
        let fake = ProduceFakeKafka(behaviour: { stream in
            stream == 1 ? .init(breakAfterRecords: 6, reportBatch: 4) : .init()
        })
        let options = StreamingProducer.Options(maxInFlight: 10, backoff: .none, resendUnknown: true)
        let results = try await produceAll(numberedRecords(20), through: fake, options: options)
        #expect(results.allSatisfy { $0.outcome.delivery != nil })
        let stored = fake.partitions.values.joined().compactMap(\.value)
        #expect(stored.count == 22, "records 4 and 5 were written twice: the documented duplicate risk")
    }

    @Test("a non-retryable error opening a stream fails every record and ends the stream with it")
    func fatalOpen() async throws {
        let fake = ProduceFakeKafka(openFailure: { _ in
            KafkaRESTError(kind: .http, status: 401, message: "Unauthorized")
        })
        var results: [ProduceResult] = []
        var thrown: (any Error)?
        do {
            for try await result in StreamingProducer.produce(
                AsyncStream { continuation in
                    numberedRecords(30).forEach { continuation.yield($0) }
                    continuation.finish()
                },
                transport: fake, path: "/p", options: .init(maxInFlight: 5, backoff: .none), clock: VirtualProduceClock()
            ) {
                results.append(result)
            }
        } catch {
            thrown = error
        }
        #expect((thrown as? KafkaRESTError)?.status == 401)
        #expect(!results.isEmpty)
        #expect(Set(results.map(\.index)) == Set(0..<results.count))
        #expect(results.allSatisfy { $0.outcome.failure?.status == 401 })
        #expect(fake.streamsOpened == 1)
    }

    @Test("a 401 opening a stream renews the credentials once, and the records go on the next stream")
    func renewedAfter401() async throws {
        let fake = ProduceFakeKafka(
            openFailure: { stream in stream == 1 ? KafkaRESTError(kind: .http, status: 401, message: "Unauthorized") : nil }
        )
        let results = try await produceAll(numberedRecords(20), through: try Self.authorizing(fake, .bearer(RenewingTokens())), options: Self.quick)
        #expect(results.map(\.index) == Array(0..<20))
        #expect(results.allSatisfy { $0.outcome.delivery != nil })
        #expect(fake.streamsOpened == 2)
        #expect(fake.authorizations == ["Bearer token-1", "Bearer token-2"], "the second stream carries the renewed token")
    }

    @Test("a 401 after renewing, or with credentials that cannot be renewed, is unrecoverable")
    func secondUnauthorizedIsFatal() async throws {
        for canRenew in [true, false] {
            let fake = ProduceFakeKafka(
                openFailure: { _ in KafkaRESTError(kind: .http, status: 401, message: "Unauthorized") }
            )
            let credentials: Credentials = canRenew ? .bearer(RenewingTokens()) : .apiKey(key: "key", secret: "secret-value")
            await #expect(throws: KafkaRESTError.self) {
                _ = try await produceAll(numberedRecords(10), through: try Self.authorizing(fake, credentials), options: Self.quick)
            }
            #expect(fake.streamsOpened == (canRenew ? 2 : 1))
            #expect(fake.authorizations.filter { $0 == "Bearer token-2" }.count == (canRenew ? 1 : 0))
        }
    }

    /// `fake` behind a ``CredentialsMiddleware`` sending `credentials`.
    private static func authorizing(_ fake: ProduceFakeKafka, _ credentials: Credentials) throws -> MiddlewareTransport {
        let middleware = try CredentialsMiddleware(credentials: credentials, baseURL: URL(string: "https://kafka.example/kafka/v3")!)
        return MiddlewareTransport(transport: fake, middlewares: [middleware])
    }

    @Test("retryable open failures are retried with backoff")
    func retriedOpen() async throws {
        let fake = ProduceFakeKafka(openFailure: { stream in
            stream < 3 ? KafkaRESTError(kind: .http, status: 503, message: "unavailable") : nil
        })
        let results = try await produceAll(numberedRecords(5), through: fake, options: Self.quick)
        #expect(results.allSatisfy { $0.outcome.delivery != nil })
        #expect(fake.streamsOpened == 3)
    }

    @Test("the number of records written without report never exceeds maxInFlight")
    func inFlightBound() async throws {
        for (maxInFlight, streams) in [(1, 1), (7, 1), (16, 4)] {
            let fake = ProduceFakeKafka(behaviour: { _ in .init(reportBatch: 3, reportDelay: .microseconds(50)) })
            let options = StreamingProducer.Options(maxInFlight: maxInFlight, parallelStreams: streams, backoff: .none)
            let results = try await produceAll(numberedRecords(300), through: fake, options: options)
            #expect(results.count == 300)
            #expect(fake.maxUnanswered <= maxInFlight, "max \(fake.maxUnanswered) with maxInFlight \(maxInFlight)")
            #expect(fake.maxUnanswered >= min(maxInFlight, 3), "the window was used")
        }
    }

    @Test("send waits while the window is full")
    func backpressure() async throws {
        let fake = ProduceFakeKafka(behaviour: { _ in .init(reportDelay: .milliseconds(20)) })
        let producer = StreamingProducer(transport: fake, path: "/p", options: .init(maxInFlight: 2, backoff: .none))
        let collector = Task { await producer.results.reduce(into: [ProduceResult]()) { $0.append($1) } }
        let start = ContinuousClock.now
        for record in numberedRecords(6) {
            try await producer.send(record)
        }
        #expect(ContinuousClock.now - start >= .milliseconds(60), "the last sends waited for reports")
        await producer.finish()
        let results = await collector.value
        #expect(results.count == 6)
        await #expect(throws: KafkaRESTError.self) { try await producer.send(KafkaRecord()) }
    }

    @Test("ordered mode keeps the order of each partition's offsets through 429s on parallel streams")
    func orderedMode() async throws {
        // A throttled partition rejects a record and everything after it until it is resent.
        let throttle = ThrottleScript(every: 17, partitions: 4)
        let fake = ProduceFakeKafka(partitions: 4, answer: { value, attempt in throttle.answer(value, attempt) })
        let records = numberedRecords(400, partition: { Int32($0 % 4) })
        let options = StreamingProducer.Options(maxInFlight: 50, parallelStreams: 3, ordering: .ordered, retryBudget: .init(perRecord: 50, total: 100_000), backoff: .none)
        let results = try await produceAll(records, through: fake, options: options)
        #expect(results.allSatisfy { $0.outcome.delivery != nil })
        #expect(fake.receivedValues.count > 400, "some records were rejected and resent")
        for partition in Int32(0)..<4 {
            let stored = fake.partitions[partition, default: []].compactMap { $0.value?.int64Value }
            #expect(stored == stored.sorted(), "partition \(partition) out of order")
            #expect(stored.count == 100)
        }
    }

    @Test("cancelling the reading task ends promptly and still reports every record taken")
    func cancellation() async throws {
        let fake = ProduceFakeKafka(behaviour: { _ in .init(reportDelay: .milliseconds(5)) })
        let (input, feed) = AsyncStream<KafkaRecord>.makeStream()
        numberedRecords(1_000).forEach { feed.yield($0) }
        let (started, signal) = AsyncStream<Void>.makeStream()
        let reader = Task {
            var results: [ProduceResult] = []
            do {
                for try await result in StreamingProducer.produce(input, transport: fake, path: "/p", options: .init(maxInFlight: 20)) {
                    results.append(result)
                    if results.count == 5 { signal.finish() }
                }
            } catch {
                Issue.record("unexpected \(error)")
            }
            return results
        }
        for await _ in started {}
        let cancelledAt = ContinuousClock.now
        reader.cancel()
        let results = await reader.value
        // A bound against hanging after cancellation (waiting out a timeout, say), not a speed
        // figure: generous, since a loaded CI machine stretches every step of the wind-down.
        #expect(ContinuousClock.now - cancelledAt < .seconds(5))
        #expect(results.map(\.index).sorted() == Array(0..<results.count), "each record taken reported once")
        let delivered = results.filter { $0.outcome.delivery != nil }.count
        let unknown = results.filter(\.outcome.isUnknown).count
        let cancelled = results.compactMap(\.outcome.failure).filter { $0.underlyingError is CancellationError }.count
        #expect(delivered > 0 && delivered + unknown + cancelled == results.count)
        #expect(results.count < 1_000)
    }

    @Test("cancel() on a producer reports sent records unknown and queued ones cancelled")
    func producerCancel() async throws {
        let fake = ProduceFakeKafka(behaviour: { _ in .init(reportDelay: .seconds(10)) })
        let producer = StreamingProducer(transport: fake, path: "/p", options: .init(maxInFlight: 100, limits: .custom(streamedRecordsPerSecond: 50)))
        for record in numberedRecords(20) {
            try await producer.send(record)
        }
        let waitingSince = ContinuousClock.now
        while fake.recordsReceived == 0, ContinuousClock.now - waitingSince < .seconds(60) {
            try await Task.sleep(for: .milliseconds(5))
        }
        producer.cancel()
        var results: [ProduceResult] = []
        for await result in producer.results {
            results.append(result)
        }
        #expect(results.map(\.index).sorted() == Array(0..<20))
        #expect(results.contains { $0.outcome.isUnknown })
        #expect(results.contains { $0.outcome.failure?.underlyingError is CancellationError })
        await #expect(throws: CancellationError.self) { try await producer.send(KafkaRecord()) }
    }
}

/// Rejects (429) every `every`-th record on its first attempt, and then every later record
/// of its partition (number modulo `partitions`) until that record is resent: a throttled
/// window per partition.
final class ThrottleScript: @unchecked Sendable {
    let every: Int64
    let partitions: Int64
    private let lock = NSLock()
    private var throttledBy: [Int64: Int64] = [:]

    init(every: Int64, partitions: Int64) {
        self.every = every
        self.partitions = partitions
    }

    func answer(_ value: JSONValue?, _ attempt: Int) -> Int32? {
        guard let number = value?.int64Value else { return nil }
        let partition = number % partitions
        return lock.withLock {
            if let blocker = throttledBy[partition] {
                if number == blocker {
                    throttledBy[partition] = nil
                    return nil
                }
                return 429
            }
            if attempt == 0, number % every == every - 1 {
                throttledBy[partition] = number
                return 429
            }
            return nil
        }
    }
}

/// Tokens `token-1`, `token-2`, …: a forced refresh gives the next one.
private final class RenewingTokens: BearerTokenProvider, @unchecked Sendable {
    private let lock = NSLock()
    private var number = 1

    func token(forceRefresh: Bool) async throws -> String {
        lock.withLock {
            if forceRefresh { number += 1 }
            return "token-\(number)"
        }
    }
}
