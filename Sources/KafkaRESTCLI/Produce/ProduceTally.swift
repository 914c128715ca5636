import KafkaREST

/// The counts of a produce run, for the progress line and the summary.
struct ProduceTally: Sendable {
    /// Records handed to the server.
    var sent = 0
    /// Records Kafka wrote, or with ``dryRun`` the records the server accepted.
    var delivered = 0
    /// Records the server rejected, or that could not be sent.
    var failed = 0
    /// Records whose fate is unknown: sent, but no usable report came back.
    var unknown = 0
    /// Input lines that are not records (also counted in ``failed``).
    var invalid = 0
    /// Whether the records were sent with `dry_run=true`: checked, not written.
    var dryRun = false
    /// Streams whose delivery reports stopped matching their records
    /// (``StreamingProducer/mismatchedStreams``): records reported delivered on them may
    /// carry another record's partition and offset.
    var mismatchedStreams = 0

    /// Whether every record was delivered, with reports that can be trusted.
    var allDelivered: Bool {
        failed == 0 && unknown == 0 && mismatchedStreams == 0
    }

    /// Counts one outcome.
    mutating func count(_ outcome: RecordOutcome) {
        switch outcome {
        case .delivered: delivered += 1
        case .failed: failed += 1
        case .unknown: unknown += 1
        }
    }

    /// Counts an input line that is not a record.
    mutating func countInvalid() {
        invalid += 1
        failed += 1
    }

    /// For example `sent 9, delivered 8, failed 2 (1 invalid input), unknown 0`, or in a dry
    /// run `sent 9, checked 8, failed 2 (1 invalid input), unknown 0 (dry run: nothing written)`.
    var summary: String {
        let invalidNote = invalid > 0 ? " (\(invalid) invalid input)" : ""
        let accepted = dryRun ? "checked" : "delivered"
        let dryRunNote = dryRun ? " (dry run: nothing written)" : ""
        let mismatchNote = mismatchedStreams > 0
            ? "; warning: the delivery reports of \(mismatchedStreams) stream(s) stopped matching their records, so partitions and offsets reported on them may be wrong"
            : ""
        return "sent \(sent), \(accepted) \(delivered), failed \(failed)\(invalidNote), unknown \(unknown)\(dryRunNote)\(mismatchNote)"
    }
}
