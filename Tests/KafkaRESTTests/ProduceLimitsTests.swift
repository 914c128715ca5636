import Foundation
@testable import KafkaREST
import Testing

@Suite("Produce: limits and pacing")
struct ProduceLimitsTests {
    @Test("Confluent Cloud presets")
    func presets() {
        for limits in [ProduceLimits.basic, .standard, .enterprise, .freight] {
            #expect(limits.connectionRequestsPerSecond == 25)
            #expect(limits.streamedRecordsPerSecond == 1_000)
            #expect(limits.maxMessageBytes == 8 * 1_048_576)
        }
        let dedicated = ProduceLimits.dedicated(ckus: 152)
        #expect(dedicated.connectionRequestsPerSecond == 45_600)
        #expect(dedicated.streamedRecordsPerSecond == 456_000)
        #expect(dedicated.maxMessageBytes == 20 * 1_048_576)
        #expect(ProduceLimits.dedicated(ckus: 1).streamedRecordsPerSecond == 3_000)
        #expect(ProduceLimits.custom(streamedRecordsPerSecond: 10).connectionRequestsPerSecond == nil)
    }

    @Test("a token bucket holds its rate over time")
    func pacing() {
        var bucket = TokenBucket(rate: 100, burst: 10, now: .zero)
        var now = Duration.zero
        var taken = 0
        var waits = 0
        while taken < 510 {
            let (got, wait) = bucket.take(upTo: 1, now: now)
            taken += got
            if got == 0 {
                waits += 1
                now += wait
            }
        }
        // 10 from the full bucket, then 500 at 100 per second.
        #expect(abs(now.secondsForTests - 5.0) < 0.001, "elapsed \(now.secondsForTests) s")
        #expect(waits == 500)
    }

    @Test("an idle bucket refills up to its burst, not beyond, and hands out as many tokens as it holds in one take")
    func refill() {
        var bucket = TokenBucket(rate: 10, burst: 5, now: .zero)
        #expect(bucket.take(upTo: 3, now: .zero).taken == 3)
        let idle = bucket.take(upTo: 100, now: .seconds(60))
        #expect(idle.taken == 5, "five tokens after a long idle time, no more")
        let empty = bucket.take(upTo: 1, now: .seconds(60))
        #expect(empty.taken == 0 && empty.wait == .milliseconds(100))
    }

    @Test("a producer paced at 1,000 records/s takes a second per 1,000 records")
    func producerPacing() async throws {
        let clock = VirtualProduceClock()
        let fake = ProduceFakeKafka()
        let options = StreamingProducer.Options(limits: .custom(connectionRequestsPerSecond: 25, streamedRecordsPerSecond: 1_000))
        let results = try await produceAll(numberedRecords(2_100), through: fake, options: options, clock: clock)
        #expect(results.allSatisfy { $0.outcome.delivery != nil })
        let elapsed = clock.elapsed.secondsForTests
        #expect(elapsed >= 1.99 && elapsed <= 2.01, "2,000 records after the first 100 take 2 s, took \(elapsed) s")
    }

    @Test("a record larger than the limit is failed with size and limit and never sent")
    func oversize() async throws {
        let fake = ProduceFakeKafka()
        let big = KafkaRecord(value: .string(String(repeating: "x", count: 2_000)))
        let small = KafkaRecord(value: .string("ok"))
        let results = try await produceAll(
            [small, big, small],
            through: fake,
            options: .init(limits: .custom(maxMessageBytes: 1_024))
        )
        #expect(results.map(\.index) == [0, 1, 2])
        #expect(results[0].outcome.delivery != nil && results[2].outcome.delivery != nil)
        let error = try #require(results[1].outcome.failure)
        #expect(error.kind == .invalidRequest)
        let size = big.produceRequest.jsonData().count
        #expect(error.message == "record not sent: its encoded size of \(size) bytes exceeds the limit of 1024 bytes")
        #expect(fake.receivedValues.count == 2)
    }

    @Test("a record holding a NaN or an infinite number is failed as an encoding error and never sent, by the stream and by a batch request")
    func nonFiniteNumbers() async throws {
        let fake = ProduceFakeKafka()
        let records = [
            KafkaRecord(value: .json(.integer(1))),
            KafkaRecord(value: .json(.object(["ratio": .double(.nan)]))),
            KafkaRecord(value: .json(.array([.double(-.infinity)]))),
            KafkaRecord(value: .json(.integer(4))),
        ]
        let streamed = try await produceAll(records, through: fake, options: .init())
        #expect(fake.receivedValues.count == 2)
        let batched = try await withStreamingServer(topic: "t") { server, transport in
            let client = try KafkaRESTClient(configuration: .init(baseURL: server.baseURL, clusterID: server.clusterID), transport: transport)
            let results = try await client.produce(records, to: "t")
            #expect(server.records(topic: "t").count == 2)
            return results
        }
        for results in [streamed, batched] {
            #expect(results.map(\.index) == [0, 1, 2, 3])
            #expect(results[0].outcome.delivery != nil && results[3].outcome.delivery != nil)
            for failed in results[1...2] {
                let error = try #require(failed.outcome.failure)
                #expect(error.kind == .encoding)
                #expect(error.message == "record not sent: it holds a NaN or infinite number, which JSON cannot carry")
            }
        }
    }
}

extension Duration {
    var secondsForTests: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
