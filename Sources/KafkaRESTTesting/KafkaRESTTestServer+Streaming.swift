extension KafkaRESTTestServer {
    /// Makes every streamed produce request misbehave as `faults` says; see ``StreamFaults``.
    ///
    /// A produce request sent with `Transfer-Encoding: chunked` is served as a stream: the
    /// server answers 200 as soon as the head passes the checks (credentials, cluster, topic,
    /// `Content-Type`) and writes each record's delivery report, followed by a newline, as soon
    /// as the record has arrived. The request is recorded in ``requests`` when its head arrives,
    /// with an empty body. Faults injected with ``inject(_:times:matching:)`` apply to the
    /// stream's head.
    public func setStreamFaults(_ faults: StreamFaults) {
        setStreamFaults { _ in faults }
    }

    /// Makes stream number `n` (0 for the first stream the server accepts, then 1, …)
    /// misbehave as `faults(n)` says; the function is called once when each stream opens.
    public func setStreamFaults(_ faults: @escaping @Sendable (_ stream: Int) -> StreamFaults) {
        core.state.withLock { $0.streaming.faults = faults }
    }

    /// What the server saw of streamed produce requests so far.
    public var streamStatistics: StreamStatistics {
        core.state.withLock { $0.streaming.statistics }
    }
}
