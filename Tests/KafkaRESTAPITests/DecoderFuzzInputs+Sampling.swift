import Foundation
import KafkaRESTAPI
import KafkaRESTSupport

extension DecoderFuzzInputs {
    /// JSON that mostly fits `descriptor`: required properties, values of the right type and
    /// format, listed enum values; sometimes nulls, unknown enum values, odd numbers, bad
    /// date-times and base64, so the fitting and the almost fitting are both common.
    mutating func sample(_ descriptor: SchemaDescriptor, depth: Int) -> FuzzJSON {
        if let ref = descriptor.ref {
            guard depth > 0, let target = SchemaTable.schemas[ref] else { return tree(depth: 1) }
            return sample(target, depth: depth - 1)
        }
        if descriptor.nullable, chance(10) { return .null }
        if let values = descriptor.enumValues, !values.isEmpty {
            return .string(chance(15) ? pick(FuzzOddValues.unknownEnumValues) : pick(values))
        }
        switch descriptor.type {
        case "string": return .string(string(format: descriptor.format))
        case "integer": return .number(integer(format: descriptor.format))
        case "number": return .number(chance(90) ? "\(Double.random(in: -1e9...1e9, using: &random))" : pick(FuzzOddValues.numbers))
        case "boolean": return .bool(chance(50))
        case "array":
            guard let items = descriptor.items, depth > 0 else { return .array([]) }
            return .array((0..<Int.random(in: 0...3, using: &random)).map { _ in sample(items, depth: depth - 1) })
        case "object": return object(descriptor, depth: depth)
        default: return tree(depth: min(depth, 2))
        }
    }

    private mutating func object(_ descriptor: SchemaDescriptor, depth: Int) -> FuzzJSON {
        let required = Set(descriptor.required ?? [])
        var members: [FuzzJSON.Member] = []
        for property in descriptor.properties ?? [] where chance(required.contains(property.name) ? 97 : 50) {
            members.append(FuzzJSON.Member(key: property.name, value: sample(property.schema, depth: depth - 1)))
        }
        if let values = descriptor.additionalProperties {
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                members.append(FuzzJSON.Member(key: string(), value: sample(values, depth: depth - 1)))
            }
        }
        return .object(members)
    }

    /// A string for `format`: date-times and base64, valid or not, or any string.
    private mutating func string(format: String?) -> String {
        switch format {
        case "date-time": return chance(60) ? dateTime() : pick(FuzzOddValues.dateTimes)
        case "byte":
            guard chance(25) else {
                return Data((0..<Int.random(in: 0...24, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }).base64EncodedString()
            }
            return pick(FuzzOddValues.base64)
        default: return chance(70) ? "lkc-" + String(Int.random(in: 0...99_999, using: &random)) : string()
        }
    }

    /// A well-formed RFC 3339 date-time with random fields (some out of range), fraction and zone.
    private mutating func dateTime() -> String {
        func digits(_ range: ClosedRange<Int>, width: Int) -> String {
            let text = String(Int.random(in: range, using: &random))
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        var text = "\(digits(0...9999, width: 4))-\(digits(1...13, width: 2))-\(digits(1...31, width: 2))"
        text += "T\(digits(0...24, width: 2)):\(digits(0...59, width: 2)):\(digits(0...60, width: 2))"
        let fractionDigits = Int.random(in: 0...12, using: &random)
        if fractionDigits > 0 {
            text += "." + (0..<fractionDigits).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
        }
        if chance(50) { return text + "Z" }
        return text + (chance(50) ? "+" : "-") + digits(0...23, width: 2) + ":" + digits(0...59, width: 2)
    }

    /// An integer literal for `format`, usually in range.
    private mutating func integer(format: String?) -> String {
        guard chance(90) else { return pick(FuzzOddValues.numbers) }
        switch format {
        case "int32": return String(Int32.random(in: chance(50) ? -1_000...100_000 : .min ... .max, using: &random))
        default: return String(Int64.random(in: chance(50) ? -1_000...1_000_000 : .min ... .max, using: &random))
        }
    }
}
