import NIOCore

/// One stream slot of a producer: its queue, its streams, its pauses and what its writer is
/// doing.
struct ProduceLane {
    /// Records waiting to be written, in index order.
    var queue = CircularBuffer<PendingRecord>(initialCapacity: 64)
    /// The stream new records are written to.
    var active: ProduceStreamID?
    /// Every stream still being read, the active one included.
    var streams: [ProduceStreamState] = []
    /// Nothing is written before this time (the producer clock's `now`).
    var resumeAt: Duration = .zero
    /// Ordered mode after a rejection: nothing is written until every record already written
    /// on this lane has its report.
    var draining = false
    /// Failed stream opens in a row.
    var failedOpens = 0
    /// Broken streams in a row, for backoff.
    var breaks = 0
    /// Records the record pace lets the next write take.
    var allowance = 0
    /// Whether the lane's writer waits for a wake-up (it was told ``ProduceStateMachine/LaneStep/wait``).
    var parked = false

    /// Whether any record written on this lane still lacks its report.
    var hasUnreported: Bool {
        streams.contains { !$0.sent.isEmpty }
    }

    /// Records queued or awaiting a report, to find the least busy lane.
    var load: Int {
        queue.count + streams.reduce(0) { $0 + $1.sent.count }
    }

    /// Puts `record` into the queue at its place by index.
    mutating func enqueue(_ record: PendingRecord) {
        let position = queue.lastIndex { $0.index < record.index }.map { queue.index(after: $0) } ?? queue.startIndex
        queue.insert(record, at: position)
    }

    /// The position of stream `id` in ``streams``.
    func position(of id: ProduceStreamID) -> Int? {
        streams.firstIndex { $0.id == id }
    }
}
