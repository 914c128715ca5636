import Metrics

/// The metrics of one ``StreamingProducer`` (see ``MetricNames``), made once per producer;
/// the engine updates them per batch of results and per write, not per record.
struct ProducerMetrics: Sendable {
    let delivered: Counter
    let failed: Counter
    let unknown: Counter
    let sent: Counter
    let resends: Counter
    let bytesSent: Counter
    let rotations: Counter
    let inFlight: Gauge
    let openStreams: Gauge

    /// The metrics of a producer writing to `topic`.
    init(topic: String, factory: any MetricsFactory) {
        func counter(_ label: String, _ extra: [(String, String)] = []) -> Counter {
            Counter(label: label, dimensions: [("topic", topic)] + extra, factory: factory)
        }
        delivered = counter(MetricNames.producerRecords, [("outcome", "delivered")])
        failed = counter(MetricNames.producerRecords, [("outcome", "failed")])
        unknown = counter(MetricNames.producerRecords, [("outcome", "unknown")])
        sent = counter(MetricNames.producerRecordsSent)
        resends = counter(MetricNames.producerResends)
        bytesSent = counter(MetricNames.producerBytesSent)
        rotations = counter(MetricNames.producerStreamRotations)
        inFlight = Gauge(label: MetricNames.producerInFlight, dimensions: [("topic", topic)], factory: factory)
        openStreams = Gauge(label: MetricNames.producerOpenStreams, dimensions: [("topic", topic)], factory: factory)
    }

    /// Counts a batch of reported results.
    func reported(_ batch: [ProduceResult]) {
        var counts = (delivered: 0, failed: 0, unknown: 0)
        for result in batch {
            switch result.outcome {
            case .delivered: counts.delivered += 1
            case .failed: counts.failed += 1
            case .unknown: counts.unknown += 1
            }
        }
        if counts.delivered > 0 { delivered.increment(by: counts.delivered) }
        if counts.failed > 0 { failed.increment(by: counts.failed) }
        if counts.unknown > 0 { unknown.increment(by: counts.unknown) }
    }
}
