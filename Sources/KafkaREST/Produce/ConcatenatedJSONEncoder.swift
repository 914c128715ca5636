import Foundation
import KafkaRESTSupport

/// Encodes records as Kafka REST's concatenated JSON: one object per record, separated by a
/// newline, the body of a multi-record (or streamed) produce request.
enum ConcatenatedJSONEncoder {
    /// One record's JSON object, as written to a request body, by the byte-level writer, with
    /// room for `extra` bytes more (a stream's newline).
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/encoding`` if the record
    ///   holds a NaN or infinite number, which JSON cannot carry.
    static func bytes(_ record: KafkaRecord, extra: Int = 0) throws(KafkaRESTError) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 128 + extra)
        try append(record, to: &writer)
        return writer.bytes
    }

    /// Appends one record's JSON object to `writer`; if it cannot be encoded, `writer` is left
    /// as it was.
    ///
    /// - Throws: As ``bytes(_:extra:)``.
    static func append(_ record: KafkaRecord, to writer: inout JSONWriter) throws(KafkaRESTError) {
        let start = writer.bytes.count
        record.writeRequestJSON(to: &writer)
        guard !writer.wroteNonFiniteNumber else {
            writer.bytes.removeSubrange(start...)
            writer.wroteNonFiniteNumber = false
            throw KafkaRESTError(
                kind: .encoding,
                operationID: ProduceOperation.id,
                message: "record not sent: it holds a NaN or infinite number, which JSON cannot carry"
            )
        }
    }
}
