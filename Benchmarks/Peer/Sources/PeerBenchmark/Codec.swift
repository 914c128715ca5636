import Foundation

/// One side's generated type for one payload, with that side's coders.
struct Codec<Summary> {
    /// Decodes JSON into the side's type and summarises it.
    var decode: (Data) throws -> Summary
    /// Encodes the side's value of the payload.
    var encode: () throws -> Data
    /// Encodes the side's value and decodes the result: the timed operation. Returns the
    /// encoded byte count, so the work has a result.
    var roundTrip: () throws -> Int

    /// A codec for `T`, whose value is `payload` decoded by `coders`.
    init<T: Codable>(_ type: T.Type, payload: Data, coders: Coders, summary: @escaping (T) -> Summary) throws {
        let value = try coders.decoder.decode(T.self, from: payload)
        decode = { summary(try coders.decoder.decode(T.self, from: $0)) }
        encode = { try coders.encoder.encode(value) }
        roundTrip = {
            let data = try coders.encoder.encode(value)
            _ = try coders.decoder.decode(T.self, from: data)
            return data.count
        }
    }
}
