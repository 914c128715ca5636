import NIOCore

/// Names one stream of a producer: its lane and a number unique within the producer.
struct ProduceStreamID: Hashable, Sendable, CustomStringConvertible {
    /// The lane the stream belongs to.
    let lane: Int
    /// The stream's number, counting from 1 over all lanes.
    let serial: Int

    var description: String { "stream \(serial) (lane \(lane))" }
}

/// What the state machine knows of one open streaming request.
struct ProduceStreamState {
    /// The stream's name.
    let id: ProduceStreamID
    /// Records written and not yet matched to a report, in the order written.
    var sent = CircularBuffer<PendingRecord>(initialCapacity: 64)
    /// Whether the body was ended; reports of records already written are still read.
    var retiring = false
    /// When the stream last made progress: a report read, or a record written while none
    /// was outstanding.
    var lastProgress: ContinuousClock.Instant
    /// Set when the stream went too long without a report and was abandoned.
    var timedOut = false
    /// The highest offset delivered on this stream per partition, to catch reports that no
    /// longer match their records.
    var lastOffsets: [Int32: Int64] = [:]
}
