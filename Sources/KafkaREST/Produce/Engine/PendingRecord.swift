/// A record from acceptance until it is reported; it lives in exactly one place at a time
/// (a lane's queue or one stream's written records), so it is reported once.
struct PendingRecord {
    /// Position in the caller's input; also the order of records within a lane.
    let index: Int
    /// The record as given.
    let record: KafkaRecord
    /// Its JSON object followed by a newline, as written to a stream.
    let wire: [UInt8]
    /// The lane (stream slot) it goes through.
    let lane: Int
    /// How many times it was sent again.
    var resends = 0
    /// Whether an earlier send may have been written (it was resent after its stream broke),
    /// so a later failure cannot prove it is not in Kafka.
    var mayBeWritten = false
}
