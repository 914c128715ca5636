/// The names of the metrics the client and its producers report (swift-metrics), with their
/// dimensions; every dimension has a small, fixed set of values (an operation id, a status
/// class, a reason, an outcome, a topic).
///
/// | Metric | Kind | Dimensions | What it counts |
/// |---|---|---|---|
/// | `kafka_rest_requests_total` | counter | `operation`, `status_class` (`2xx`, `3xx`, `4xx`, `5xx`, `error`) | calls, by their final outcome |
/// | `kafka_rest_request_duration_seconds` | timer | `operation` | the time of each call, all attempts and waits included |
/// | `kafka_rest_retries_total` | counter | `operation`, `reason` (`429`, `5xx`, `transport`) | attempts repeated |
/// | `kafka_rest_rate_limited_total` | counter | `operation` | answers with status 429, retried or not |
/// | `kafka_rest_producer_records_total` | counter | `topic`, `outcome` (`delivered`, `failed`, `unknown`) | records reported |
/// | `kafka_rest_producer_records_sent_total` | counter | `topic` | records written to a stream, resends included |
/// | `kafka_rest_producer_resends_total` | counter | `topic` | records written again after a 429, a 408 or a broken stream |
/// | `kafka_rest_producer_bytes_sent_total` | counter | `topic` | record bytes written to streams |
/// | `kafka_rest_producer_in_flight` | gauge | `topic` | records given and not yet reported |
/// | `kafka_rest_producer_open_streams` | gauge | `topic` | streams being read |
/// | `kafka_rest_producer_stream_rotations_total` | counter | `topic` | streams retired after a 408 for a new one |
public enum MetricNames {
    /// Calls by operation and final status class.
    public static let requests = "kafka_rest_requests_total"
    /// The duration of each call.
    public static let requestDuration = "kafka_rest_request_duration_seconds"
    /// Retried attempts by operation and reason.
    public static let retries = "kafka_rest_retries_total"
    /// Answers with status 429.
    public static let rateLimited = "kafka_rest_rate_limited_total"
    /// Records reported by a producer, by outcome.
    public static let producerRecords = "kafka_rest_producer_records_total"
    /// Records written to streams.
    public static let producerRecordsSent = "kafka_rest_producer_records_sent_total"
    /// Records written again.
    public static let producerResends = "kafka_rest_producer_resends_total"
    /// Record bytes written to streams.
    public static let producerBytesSent = "kafka_rest_producer_bytes_sent_total"
    /// Records given and not yet reported.
    public static let producerInFlight = "kafka_rest_producer_in_flight"
    /// Streams being read.
    public static let producerOpenStreams = "kafka_rest_producer_open_streams"
    /// Streams retired after a 408.
    public static let producerStreamRotations = "kafka_rest_producer_stream_rotations_total"
}
