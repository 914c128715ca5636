import Foundation
import FuzzSupport
import KafkaRESTAPI
import KafkaRESTSupport

/// Inputs for the decoder fuzzer from one seeded stream: JSON sampled from a type's schema or
/// taken from the spec's examples, mutated structurally and at the byte level, or random.
struct DecoderFuzzInputs {
    var random: SeededGenerator

    /// Every property name of the spec, so random and renamed keys meet real fields.
    static let propertyNames: [String] = {
        var names = Set<String>()
        func collect(_ descriptor: SchemaDescriptor) {
            for property in descriptor.properties ?? [] {
                names.insert(property.name)
                collect(property.schema)
            }
            descriptor.items.map(collect)
            descriptor.additionalProperties.map(collect)
        }
        SchemaTable.schemas.values.forEach(collect)
        return names.sorted() + ["", "~", "a/b", "\u{0}", "é", "😀"]
    }()

    /// `true` with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool {
        Int.random(in: 0..<100, using: &random) < percent
    }

    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[Int.random(in: 0..<elements.count, using: &random)]
    }

    /// A random value at most `depth` containers deep.
    mutating func tree(depth: Int) -> FuzzJSON {
        switch Int.random(in: 0..<(depth > 0 ? 9 : 7), using: &random) {
        case 0: return .null
        case 1: return .bool(chance(50))
        case 2: return .number(String(Int64.random(in: -1_000...1_000, using: &random)))
        case 3: return .number(pick(FuzzOddValues.numbers))
        case 4: return .string(string())
        case 5: return .number("\(Double.random(in: -1e6...1e6, using: &random))")
        case 6: return .string(chance(50) ? pick(FuzzOddValues.dateTimes) : pick(FuzzOddValues.base64))
        case 7: return .array((0..<Int.random(in: 0...4, using: &random)).map { _ in tree(depth: depth - 1) })
        default:
            return .object((0..<Int.random(in: 0...5, using: &random)).map { _ in FuzzJSON.Member(key: pick(Self.propertyNames), value: tree(depth: depth - 1)) })
        }
    }

    /// A random string: an odd one, an identifier, or random scalars.
    mutating func string() -> String {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return pick(FuzzOddValues.strings)
        case 1: return pick(FuzzOddValues.unknownEnumValues)
        case 2: return "lkc-" + String(UInt32.random(in: 0...UInt32.max, using: &random), radix: 36)
        default:
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x0...0x1F, 0xA0...0x2FFF, 0xE000...0xFFFF, 0x1_0000...0x10_FFFF]
                if let scalar = Unicode.Scalar(UInt32.random(in: pick(ranges), using: &random)) {
                    text.append(scalar)
                }
            }
            return String(text)
        }
    }

    /// Up to 64 bytes, mostly JSON punctuation, digits and letters.
    mutating func randomBytes() -> Data {
        let alphabet = Array("{}[]\":,\\ -+.0123456789eEtrufalsn\u{0}\t\n".utf8)
        return Data((0..<Int.random(in: 0...64, using: &random)).map { _ in
            chance(90) ? pick(alphabet) : UInt8.random(in: 0...255, using: &random)
        })
    }

    /// `text` with one to three byte-level changes: truncation, flipped bits, inserted,
    /// deleted or repeated bytes, invalid UTF-8, stray punctuation.
    mutating func mutateBytes(_ text: Data) -> Data {
        var bytes = [UInt8](text)
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let index = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0: bytes = Array(bytes.prefix(index))
            case 1 where !bytes.isEmpty: bytes[index] ^= 1 << UInt8.random(in: 0...7, using: &random)
            case 2: bytes.insert(UInt8.random(in: 0...255, using: &random), at: index)
            case 3: bytes.insert(contentsOf: pick(FuzzOddValues.invalidUTF8), at: index)
            case 4: bytes.insert(pick(Array("{}[]\":,\\ -.0eE".utf8)), at: index)
            case 5 where !bytes.isEmpty:
                bytes.removeSubrange(index..<min(bytes.count, index + Int.random(in: 1...8, using: &random)))
            default:
                let slice = bytes[index..<min(bytes.count, index + Int.random(in: 1...16, using: &random))]
                bytes.insert(contentsOf: slice, at: index)
            }
        }
        return Data(bytes)
    }
}
