/// What the test server saw of streamed produce requests; see
/// ``KafkaRESTTestServer/streamStatistics``.
public struct StreamStatistics: Sendable, Hashable {
    /// Streams accepted (answered 200) so far.
    public var streamsOpened = 0
    /// Streams currently open.
    public var streamsOpen = 0
    /// The most streams open at the same time.
    public var maxStreamsOpen = 0
    /// Records received on all streams.
    public var recordsReceived = 0
    /// Delivery reports written on all streams.
    public var reportsSent = 0
    /// Records handled on streams closed by ``StreamFaults/closeAfterRecords`` whose reports
    /// were withheld (see ``StreamFaults/withheldReports``).
    public var reportsWithheld = 0
    /// The most records one stream had received but not yet answered with a report, at any
    /// moment; withheld reports (see ``StreamFaults/withheldReports``) count until the close.
    public var maxInFlight = 0

    /// Creates empty statistics.
    public init() {}
}
