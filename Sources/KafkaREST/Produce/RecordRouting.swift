import Foundation

/// Stable hashing of record keys, so records with equal keys share a lane in every run.
enum RecordRouting {
    /// FNV-1a over the payload's kind and bytes (JSON with sorted keys; a schema-based payload
    /// by its JSON data).
    static func hash(_ key: Payload) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        switch key {
        case .binary(let data):
            mix([0])
            mix(data)
        case .string(let text):
            mix([1])
            mix(text.utf8)
        case .json(let value), .avro(let value, _), .jsonSchema(let value, _), .protobuf(let value, _):
            mix([2])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            mix((try? encoder.encode(value)) ?? Data())
        }
        return hash
    }
}
