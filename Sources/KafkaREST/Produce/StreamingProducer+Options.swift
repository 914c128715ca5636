import Foundation

extension StreamingProducer {
    /// Whether records that belong together keep their order.
    public enum Ordering: Sendable, Hashable {
        /// Records with the same explicit partition, or else the same key, go through the same
        /// stream in the order given. When one is rejected with 429 or 408, that stream stops
        /// writing, waits for the reports of every record already written, waits out the
        /// backoff, and resends the rejected records in their original order before anything
        /// that follows. Records already written when the first rejection arrived may still
        /// be delivered ahead of the resent one: their offsets show it. Records with neither go
        /// to the streams in turn, in runs of a quarter of each stream's share of
        /// ``Options/maxInFlight``, so that a run is written in one piece.
        case ordered
        /// Records go to the least busy stream; a rejected record is resent on its own and may
        /// land after records given later.
        case fast
    }

    /// How many times records may be sent again.
    public struct RetryBudget: Sendable, Hashable {
        /// The most resends of one record; the next rejection is reported as it is.
        public var perRecord: Int
        /// The most resends over the producer's life; afterwards rejections are reported as
        /// they are.
        public var total: Int
        /// The most stream opens in a row that may fail with a retryable error before the
        /// producer gives up and fails every record not yet sent.
        public var streamOpens: Int

        /// Creates a budget.
        public init(perRecord: Int = 5, total: Int = 10_000, streamOpens: Int = 5) {
            self.perRecord = perRecord
            self.total = total
            self.streamOpens = streamOpens
        }

        /// No resends at all: every rejection is reported at once.
        public static let none = RetryBudget(perRecord: 0, total: 0, streamOpens: 0)
    }

    /// The wait before sending again after a 429, a broken stream or a failed open.
    ///
    /// The n-th retry waits `min(maximum, initial × multiplierⁿ⁻¹)`, or with ``jitter`` a random
    /// time between half of that and all of it.
    public struct Backoff: Sendable, Hashable {
        /// The first wait.
        public var initial: Duration
        /// The longest wait.
        public var maximum: Duration
        /// The growth factor per retry.
        public var multiplier: Double
        /// Whether waits are randomised, so that many producers do not retry in step.
        public var jitter: Bool

        /// Creates a backoff.
        public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(10), multiplier: Double = 2, jitter: Bool = true) {
            self.initial = initial
            self.maximum = maximum
            self.multiplier = multiplier
            self.jitter = jitter
        }

        /// No waiting, for tests.
        public static let none = Backoff(initial: .zero, maximum: .zero, multiplier: 1, jitter: false)

        /// The wait before retry number `attempt` (from 1), between zero and ``maximum`` for any
        /// attempt number and settings (see ``ExponentialBackoff``).
        func delay(attempt: Int) -> Duration {
            let base = ExponentialBackoff.ceiling(
                initial: initial.secondsValue,
                maximum: maximum.secondsValue,
                multiplier: multiplier,
                attempt: attempt
            )
            return .seconds(jitter ? base * Double.random(in: 0.5...1) : base)
        }
    }

    /// How a ``StreamingProducer`` spreads, paces and resends records.
    public struct Options: Sendable {
        /// The most records given and not yet reported; ``StreamingProducer/send(_:)`` waits
        /// while this many are outstanding.
        public var maxInFlight: Int
        /// How many streams (HTTP requests) run at once, at least 1.
        public var parallelStreams: Int
        /// Whether records of one partition or key keep their order.
        public var ordering: Ordering
        /// How many times records may be sent again.
        public var retryBudget: RetryBudget
        /// The wait before sending again.
        public var backoff: Backoff
        /// The pace and size limits to respect.
        public var limits: ProduceLimits
        /// Whether records left without report by a broken stream are sent again (within
        /// ``retryBudget``) instead of being reported ``RecordOutcome/unknown(reason:)``.
        ///
        /// The server may have written them before the stream broke, so this trades possible
        /// duplicates for fewer unknown outcomes; leave it off unless consumers deduplicate.
        public var resendUnknown: Bool
        /// How long opening a stream may wait for the response head; then the open counts as
        /// a failed one (retried within ``RetryBudget/streamOpens``).
        public var openTimeout: Duration
        /// How long a stream with records written and not reported may go without a report;
        /// then it is abandoned and those records are handled as on a broken stream (reported
        /// ``RecordOutcome/unknown(reason:)``, or resent with ``resendUnknown``).
        public var reportTimeout: Duration
        /// How long the producer, run as a service, waits after graceful shutdown for the
        /// reports of the records given before it cancels the rest (see ``StreamingProducer/run()``).
        public var shutdownGracePeriod: Duration

        /// Creates options.
        public init(
            maxInFlight: Int = 1_000,
            parallelStreams: Int = 1,
            ordering: Ordering = .ordered,
            retryBudget: RetryBudget = RetryBudget(),
            backoff: Backoff = Backoff(),
            limits: ProduceLimits = .unlimited,
            resendUnknown: Bool = false,
            openTimeout: Duration = .seconds(30),
            reportTimeout: Duration = .seconds(30),
            shutdownGracePeriod: Duration = .seconds(30)
        ) {
            precondition(maxInFlight >= 1, "maxInFlight must be at least 1, not \(maxInFlight)")
            precondition(parallelStreams >= 1, "parallelStreams must be at least 1, not \(parallelStreams)")
            self.maxInFlight = maxInFlight
            self.parallelStreams = parallelStreams
            self.ordering = ordering
            self.retryBudget = retryBudget
            self.backoff = backoff
            self.limits = limits
            self.resendUnknown = resendUnknown
            self.openTimeout = openTimeout
            self.reportTimeout = reportTimeout
            self.shutdownGracePeriod = shutdownGracePeriod
        }
    }
}
