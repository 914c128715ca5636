import Foundation
import KafkaRESTSupport

/// The approximate size in bytes of a produced record's key or value, without encoding it.
enum RecordSize {
    /// The bytes `data` takes in the record: decoded bytes for `BINARY`, UTF-8 bytes for `STRING`,
    /// and the length of the compact JSON text otherwise. `nil` and `null` take none.
    static func bytes(of data: JSONValue?, type: String?) -> Int {
        switch (type, data) {
        case (_, nil), (_, .null?): return 0
        case ("BINARY", .string(let base64)?): return decodedCount(base64)
        case ("STRING", .string(let text)?): return text.utf8.count
        case (_, let value?): return jsonLength(value)
        }
    }

    /// The byte count base64 text decodes to, worked out from its length and padding.
    static func decodedCount(_ base64: String) -> Int {
        let utf8 = base64.utf8
        let padding = utf8.reversed().prefix(2).prefix { $0 == UInt8(ascii: "=") }.count
        return max(0, utf8.count / 4 * 3 - padding)
    }

    /// The length of `value` written as compact JSON, assuming strings need no escapes.
    static func jsonLength(_ value: JSONValue) -> Int {
        switch value {
        case .null: 4
        case .bool(let bool): bool ? 4 : 5
        case .integer(let integer): String(integer).utf8.count
        case .double(let double): "\(double)".utf8.count
        case .string(let string): string.utf8.count + 2
        case .array(let elements): 2 + max(0, elements.count - 1) + elements.reduce(0) { $0 + jsonLength($1) }
        case .object(let members):
            2 + max(0, members.count - 1) + members.reduce(0) { $0 + $1.key.utf8.count + 3 + jsonLength($1.value) }
        }
    }
}
