import Foundation
import KafkaREST
import Testing

@Suite("Produce: streams breaking at random points")
struct ProduceFuzzTests {
    static let runs = 240

    @Test("every record is reported exactly once; delivered ones are in the log once, failed ones never")
    func randomBreaks() async throws {
        var generator = SplitMix64(seed: 0x5EED_CAFE)
        for run in 0..<Self.runs {
            try await Self.check(run: run, using: &generator)
        }
    }

    static func check(run: Int, using generator: inout SplitMix64) async throws {
        let count = Int.random(in: 1...80, using: &generator)
        let partitions = Int32.random(in: 1...4, using: &generator)
        let explicit = Bool.random(using: &generator)
        let records = numberedRecords(
            count,
            partition: { explicit ? Int32($0) % partitions : nil },
            key: { "k\($0 % 5)" }
        )
        let resendUnknown = Bool.random(using: &generator)
        let options = StreamingProducer.Options(
            maxInFlight: Int.random(in: 1...24, using: &generator),
            parallelStreams: Int.random(in: 1...3, using: &generator),
            ordering: Bool.random(using: &generator) ? .ordered : .fast,
            retryBudget: .init(perRecord: Int.random(in: 0...3, using: &generator), total: 1_000, streamOpens: 3),
            backoff: .none,
            resendUnknown: resendUnknown
        )
        var behaviours: [ProduceFakeKafka.Behaviour] = []
        for _ in 0..<64 {
            var behaviour = ProduceFakeKafka.Behaviour(reportBatch: Int.random(in: 1...4, using: &generator))
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: behaviour.breakAfterRecords = Int.random(in: 0...12, using: &generator)
            case 1: behaviour.breakAfterBytes = Int.random(in: 0...900, using: &generator)
            default: break
            }
            behaviour.endQuietly = Bool.random(using: &generator)
            behaviours.append(behaviour)
        }
        let rejectRate = Double.random(in: 0...0.2, using: &generator)
        let rejections = LockedRandom(seed: generator.next())
        let fake = ProduceFakeKafka(
            partitions: partitions,
            answer: { _, _ in
                let roll = rejections.next()
                return roll < rejectRate ? (roll < rejectRate / 2 ? 429 : 408) : (roll > 0.98 ? 500 : nil)
            },
            behaviour: { [behaviours] stream in stream <= behaviours.count ? behaviours[stream - 1] : .init() }
        )
        let results = try await produceAll(records, through: fake, options: options)
        let context = "run \(run)"

        #expect(results.map(\.index) == Array(0..<count), "\(context): each record reported exactly once")
        var log: [JSONValue: [ProduceFakeKafka.Stored]] = [:]
        for stored in fake.partitions.values.joined() {
            log[stored.value ?? .null, default: []].append(stored)
        }
        var positions = Set<String>()
        for result in results {
            let value = JSONValue.integer(Int64(result.index))
            let written = log[value] ?? []
            switch result.outcome {
            case .delivered(let report):
                #expect(positions.insert("\(report.partition)/\(report.offset)").inserted, "\(context): offset reused")
                #expect(written.contains { $0.partition == report.partition && $0.offset == report.offset }, "\(context): delivered \(result.index) not at its offset")
                if !resendUnknown {
                    #expect(written.count == 1, "\(context): record \(result.index) written \(written.count) times")
                }
            case .failed(let error):
                #expect(written.isEmpty, "\(context): failed record \(result.index) is in the log (\(error))")
            case .unknown:
                break
            }
        }
    }
}

/// A seeded random generator (SplitMix64), so failures can be replayed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Seeded random numbers in 0..<1 shared between tasks.
final class LockedRandom: @unchecked Sendable {
    private let lock = NSLock()
    private var generator: SplitMix64

    init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    func next() -> Double {
        lock.withLock { Double.random(in: 0..<1, using: &generator) }
    }
}
