/// The test server's bookkeeping of streamed produce requests, part of ``ServerState``.
struct StreamingState {
    /// The faults of stream number `n`.
    var faults: @Sendable (Int) -> StreamFaults = { _ in .none }
    /// The number the next accepted stream gets.
    var nextStream = 0
    /// The ``StreamFaults/RecordPosition/sequence`` of the next streamed record.
    var nextSequence = 0
    var statistics = StreamStatistics()

    /// Counts a newly accepted stream and returns its number and faults.
    mutating func open() -> (number: Int, faults: StreamFaults) {
        let number = nextStream
        nextStream += 1
        statistics.streamsOpened += 1
        statistics.streamsOpen += 1
        statistics.maxStreamsOpen = max(statistics.maxStreamsOpen, statistics.streamsOpen)
        return (number, faults(number))
    }

    /// Counts a stream that ended or broke.
    mutating func close() {
        statistics.streamsOpen -= 1
    }
}
