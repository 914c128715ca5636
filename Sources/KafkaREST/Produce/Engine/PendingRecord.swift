/// A record from acceptance until it is reported; it lives in exactly one place at a time
/// (a lane's queue or one stream's written records), so it is reported once.
///
/// The record and its wire bytes sit in one shared ``Accepted`` box, so moving a pending
/// record between queues, and through resends, copies a few words, not the record.
struct PendingRecord {
    /// The record as given and its wire form, fixed once accepted.
    final class Accepted: Sendable {
        /// The record as given.
        let record: KafkaRecord
        /// Its JSON object followed by a newline, as written to a stream.
        let wire: [UInt8]

        init(record: KafkaRecord, wire: [UInt8]) {
            self.record = record
            self.wire = wire
        }
    }

    /// Position in the caller's input; also the order of records within a lane.
    let index: Int
    /// The record and its wire form.
    let accepted: Accepted
    /// The lane (stream slot) it goes through.
    let lane: Int
    /// How many times it was sent again.
    var resends = 0
    /// Whether an earlier send may have been written (it was resent after its stream broke),
    /// so a later failure cannot prove it is not in Kafka.
    var mayBeWritten = false

    /// A record accepted with index `index` for `lane`.
    init(index: Int, record: KafkaRecord, wire: [UInt8], lane: Int) {
        self.index = index
        accepted = Accepted(record: record, wire: wire)
        self.lane = lane
    }

    /// The record as given.
    var record: KafkaRecord { accepted.record }
    /// Its JSON object followed by a newline, as written to a stream.
    var wire: [UInt8] { accepted.wire }
}
