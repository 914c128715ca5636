import KafkaRESTSupport
import NIOCore

/// One open streaming request; mutated only under the engine's lock.
final class ProduceStreamHandle: @unchecked Sendable {
    /// The lane it belongs to.
    let lane: Int
    /// Where records are written.
    let body: BodyStream
    /// Records written and not yet matched to a report, in the order written.
    var sent = CircularBuffer<PendingRecord>(initialCapacity: 64)
    /// Whether the body was ended; reports of records already written are still read.
    var retiring = false
    /// The task reading the reports.
    var reader: Task<Void, Never>?
    /// The task that abandons the stream when reports stop coming.
    var watchdog: Task<Void, Never>?
    /// When the stream last made progress: a report read, or a record written while none
    /// was outstanding.
    var lastProgress = ContinuousClock.now
    /// Set when the watchdog abandoned the stream for want of reports.
    var timedOut = false
    /// The highest offset delivered on this stream per partition, to catch reports that no
    /// longer match their records.
    var lastOffsets: [Int32: Int64] = [:]

    init(lane: Int, body: BodyStream) {
        self.lane = lane
        self.body = body
    }

    /// Ends the body: nothing more is written to this stream.
    func retire() {
        retiring = true
        body.finish()
    }

    /// Stops reading: the reader and the watchdog are cancelled.
    func abandon() {
        reader?.cancel()
        watchdog?.cancel()
    }
}
