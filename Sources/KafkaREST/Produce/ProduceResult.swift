/// What became of one record.
public enum RecordOutcome: Sendable {
    /// Kafka wrote the record.
    case delivered(DeliveryReport)
    /// The record was not written: the server's per-record error, or a client-side rejection
    /// (too large, cancelled before sending, …). Sending it again is safe.
    case failed(KafkaRESTError)
    /// The record was handed to the server but no usable report came back (the stream broke,
    /// or the report was incomplete): it may or may not have been written. Sending it again
    /// may write it twice.
    case unknown(reason: String)
}

/// The outcome of one record the caller gave, with its position in the caller's input.
public struct ProduceResult: Sendable {
    /// The record's position in the caller's input, counting from 0.
    public var index: Int
    /// The record as the caller gave it.
    public var record: KafkaRecord
    /// What became of it.
    public var outcome: RecordOutcome

    /// Creates a result.
    public init(index: Int, record: KafkaRecord, outcome: RecordOutcome) {
        self.index = index
        self.record = record
        self.outcome = outcome
    }
}
