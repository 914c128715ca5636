import Foundation

/// A record from acceptance until it is reported; mutated only under the engine's lock.
final class PendingRecord: @unchecked Sendable {
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
    /// Whether its result was emitted; a record is reported once, later events are ignored.
    var reported = false
    /// Whether an earlier send may have been written (it was resent after its stream broke),
    /// so a later failure cannot prove it is not in Kafka.
    var mayBeWritten = false

    init(index: Int, record: KafkaRecord, wire: [UInt8], lane: Int) {
        self.index = index
        self.record = record
        self.wire = wire
        self.lane = lane
    }
}
