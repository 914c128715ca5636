import Foundation

/// Encodes records as Kafka REST's concatenated JSON: one object per record, separated by a
/// newline, the body of a multi-record (or streamed) produce request.
enum ConcatenatedJSONEncoder {
    /// One record's JSON object, as written to a request body, by the byte-level writer.
    ///
    /// - Throws: never: the byte-level writer cannot fail; the signature matches ``encode(_:)-([ProduceRequest])``.
    static func encode(_ request: ProduceRequest) throws -> Data {
        request.jsonData()
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
