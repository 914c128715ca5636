import NIOCore

/// One stream slot of a producer: its queue, its streams and its pauses; mutated only under
/// the engine's lock.
struct ProduceLane {
    /// Records waiting to be written, in index order.
    var queue = CircularBuffer<PendingRecord>(initialCapacity: 64)
    /// The stream new records are written to.
    var active: ProduceStreamHandle?
    /// Every stream still being read, the active one included.
    var streams: [ProduceStreamHandle] = []
    /// Nothing is written before this time (``ProduceClock/now``).
    var resumeAt: Duration = .zero
    /// Ordered mode after a rejection: nothing is written until every record already written
    /// on this lane has its report.
    var draining = false
    /// Failed stream opens in a row.
    var failedOpens = 0
    /// Broken streams in a row, for backoff.
    var breaks = 0
    /// Set by a wake-up that found the writer busy, so it looks again before waiting.
    var wakePending = false
    /// The writer, while it waits for something to do.
    var waiter: CheckedContinuation<Void, Never>?

    /// Whether any record written on this lane still lacks its report.
    var hasUnreported: Bool {
        streams.contains { !$0.sent.isEmpty }
    }

    /// Puts `record` into the queue at its place by index.
    mutating func enqueue(_ record: PendingRecord) {
        let position = queue.lastIndex { $0.index < record.index }.map { queue.index(after: $0) } ?? queue.startIndex
        queue.insert(record, at: position)
    }

    /// Records queued or awaiting a report, to find the least busy lane.
    var load: Int {
        queue.count + streams.reduce(0) { $0 + $1.sent.count }
    }
}
