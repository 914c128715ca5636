import Foundation

/// One open streaming request; mutated only under the engine's lock.
final class ProduceStreamHandle: @unchecked Sendable {
    /// The lane it belongs to.
    let lane: Int
    /// Where records are written.
    let body: AsyncStream<Data>.Continuation
    /// Records written and not yet matched to a report, in the order written.
    var sent: [PendingRecord] = []
    /// Whether the body was ended; reports of records already written are still read.
    var retiring = false
    /// The task reading the reports.
    var reader: Task<Void, Never>?

    init(lane: Int, body: AsyncStream<Data>.Continuation) {
        self.lane = lane
        self.body = body
    }

    /// Ends the body: nothing more is written to this stream.
    func retire() {
        retiring = true
        body.finish()
    }
}
