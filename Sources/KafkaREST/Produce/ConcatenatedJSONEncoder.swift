import Foundation

/// Encodes records as Kafka REST's concatenated JSON: one object per record, separated by a
/// newline, the body of a multi-record (or streamed) produce request.
enum ConcatenatedJSONEncoder {
    /// One record's JSON object, as written to a request body, by the byte-level writer.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/encoding`` if the record
    ///   holds a NaN or infinite number, which JSON cannot carry.
    static func encode(_ request: ProduceRequest) throws -> Data {
        Data(try bytes(request))
    }

    /// One record's JSON object as bytes, with room for `extra` bytes more (a stream's newline).
    ///
    /// - Throws: As ``encode(_:)-(ProduceRequest)``.
    static func bytes(_ request: ProduceRequest, extra: Int = 0) throws(KafkaRESTError) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 128 + extra)
        request.writeJSON(to: &writer)
        guard !writer.wroteNonFiniteNumber else {
            throw KafkaRESTError(
                kind: .encoding,
                operationID: ProduceOperation.id,
                message: "record not sent: it holds a NaN or infinite number, which JSON cannot carry"
            )
        }
        return writer.bytes
    }

    /// One body holding every request in order, objects separated by newlines.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/encoding`` if one cannot be
    ///   encoded.
    static func encode(_ requests: [ProduceRequest]) throws -> Data {
        try join(requests.map(encode))
    }

    /// Already encoded objects joined with newlines.
    static func join(_ objects: [Data]) -> Data {
        var body = Data()
        body.reserveCapacity(objects.reduce(objects.count) { $0 + $1.count })
        for object in objects {
            if !body.isEmpty {
                body.append(UInt8(ascii: "\n"))
            }
            body.append(object)
        }
        return body
    }
}
