import Synchronization

/// What the sink's connection threads have served so far, for its summary.
final class SinkTally: Sendable {
    /// Connections accepted.
    let connections = Atomic<Int>(0)
    /// Requests whose head was read.
    let requests = Atomic<Int>(0)
    /// Requests with a chunked body, answered as a stream.
    let streams = Atomic<Int>(0)
    /// Delivery reports written (one per JSON object read).
    let records = Atomic<Int>(0)
}

extension Atomic<Int> {
    /// Adds `count`; the counters order nothing else, so relaxed is enough.
    func add(_ count: Int) {
        add(count, ordering: .relaxed)
    }

    /// The value now.
    var value: Int {
        load(ordering: .relaxed)
    }
}
