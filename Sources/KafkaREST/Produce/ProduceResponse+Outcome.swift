extension ProduceResponse {
    /// The outcome this delivery report describes.
    ///
    /// `error_code` 200 with a partition and offset is ``RecordOutcome/delivered(_:)``; 200
    /// without them is ``RecordOutcome/unknown(reason:)`` (the server claims success but does
    /// not say where). Any other code is ``RecordOutcome/failed(_:)`` with an ``KafkaRESTError/Kind/http``
    /// error carrying the code, the HTTP status it stands for (429 for 429, 404 for 40403) and
    /// the server's message.
    public var outcome: RecordOutcome {
        OutcomeReport(self).outcome
    }
}
