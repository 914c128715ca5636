@testable import KafkaREST
import Testing

@Suite("Backoff waits stay between zero and the maximum")
struct BackoffBoundsTests {
    static let attempts = [Int.min, -1, 0, 1, 2, 1_025, 2_000, Int.max]

    @Test("streaming backoff with a zero first wait never grows and never traps", arguments: attempts)
    func streamingZeroInitial(attempt: Int) {
        let backoff = StreamingProducer.Backoff(initial: .zero, maximum: .seconds(10), multiplier: 2, jitter: false)
        #expect(backoff.delay(attempt: attempt) == .zero)
    }

    @Test("streaming backoff from 1 s doubles and is capped at the maximum", arguments: attempts)
    func streamingOneSecond(attempt: Int) {
        let backoff = StreamingProducer.Backoff(initial: .seconds(1), maximum: .seconds(10), multiplier: 2, jitter: false)
        let expected: Duration = switch attempt {
        case ...1: .seconds(1)
        case 2: .seconds(2)
        default: .seconds(10)
        }
        #expect(backoff.delay(attempt: attempt) == expected)
        let jittered = StreamingProducer.Backoff(initial: .seconds(1), maximum: .seconds(10), multiplier: 2, jitter: true)
        #expect(jittered.delay(attempt: attempt) <= expected)
        #expect(jittered.delay(attempt: attempt) >= expected / 2)
    }

    @Test("a non-finite or negative multiplier counts as 1", arguments: [Double.nan, .infinity, -2, 0])
    func oddMultipliers(multiplier: Double) {
        let backoff = StreamingProducer.Backoff(initial: .seconds(1), maximum: .seconds(10), multiplier: multiplier, jitter: false)
        for attempt in Self.attempts {
            #expect(backoff.delay(attempt: attempt) == .seconds(1), "attempt \(attempt)")
        }
    }

    @Test("retry policy ceilings with a zero first wait stay zero; from 1 s they reach the cap", arguments: attempts)
    func retryPolicyCeilings(attempt: Int) {
        let zero = RetryPolicy(initialBackoff: .zero, maxBackoff: .seconds(10), multiplier: 2)
        #expect(zero.backoffCeiling(afterAttempt: attempt) == .zero)
        let one = RetryPolicy(initialBackoff: .seconds(1), maxBackoff: .seconds(10), multiplier: 2)
        let expected: Duration = attempt <= 1 ? .seconds(1) : attempt == 2 ? .seconds(2) : .seconds(10)
        #expect(one.backoffCeiling(afterAttempt: attempt) == expected)
        let nan = RetryPolicy(initialBackoff: .seconds(1), maxBackoff: .seconds(10), multiplier: .nan)
        #expect(nan.backoffCeiling(afterAttempt: attempt) == .seconds(1))
    }
}
