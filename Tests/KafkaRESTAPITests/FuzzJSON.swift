import Foundation
import KafkaRESTSupport

/// A JSON value as the decoder fuzzer builds it. Numbers keep their literal text and object
/// members keep their order and may repeat, so inputs can hold what ``JSONValue`` cannot:
/// `1e400`, `-0`, 30-digit integers, duplicate keys.
indirect enum FuzzJSON {
    case null
    case bool(Bool)
    /// A number literal, written as is (it need not be valid JSON).
    case number(String)
    case string(String)
    case array([FuzzJSON])
    case object([Member])

    /// An object member.
    struct Member {
        var key: String
        var value: FuzzJSON
    }

    /// The same value with sorted keys and numbers in Swift's notation.
    init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .integer(let number): self = .number(String(number))
        case .double(let number): self = .number("\(number)")
        case .string(let text): self = .string(text)
        case .array(let elements): self = .array(elements.map(FuzzJSON.init))
        case .object(let members): self = .object(members.sorted { $0.key < $1.key }.map { Member(key: $0.key, value: FuzzJSON($0.value)) })
        }
    }

    /// JSON text. With `escapingAll`, every character outside printable ASCII is written as a
    /// `\u` escape (non-BMP characters as surrogate pairs), and `/` as `\/`.
    func text(escapingAll: Bool) -> Data {
        var bytes: [UInt8] = []
        write(into: &bytes, escapingAll: escapingAll)
        return Data(bytes)
    }

    private func write(into bytes: inout [UInt8], escapingAll: Bool) {
        switch self {
        case .null: bytes += Array("null".utf8)
        case .bool(let flag): bytes += Array((flag ? "true" : "false").utf8)
        case .number(let literal): bytes += Array(literal.utf8)
        case .string(let text): Self.write(string: text, into: &bytes, escapingAll: escapingAll)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                element.write(into: &bytes, escapingAll: escapingAll)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (offset, member) in members.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.write(string: member.key, into: &bytes, escapingAll: escapingAll)
                bytes.append(UInt8(ascii: ":"))
                member.value.write(into: &bytes, escapingAll: escapingAll)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private static func write(string: String, into bytes: inout [UInt8], escapingAll: Bool) {
        func escape(_ unit: UInt16) {
            bytes += Array("\\u".utf8) + Array(String(format: "%04x", unit).utf8)
        }
        bytes.append(UInt8(ascii: "\""))
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": bytes += Array("\\\"".utf8)
            case "\\": bytes += Array("\\\\".utf8)
            case "\n": bytes += Array("\\n".utf8)
            case "/" where escapingAll: bytes += Array("\\/".utf8)
            case _ where scalar.value < 0x20: escape(UInt16(scalar.value))
            case _ where escapingAll && scalar.value > 0x7E: String(scalar).utf16.forEach(escape)
            default: bytes += Array(String(scalar).utf8)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
