import Foundation
import KafkaRESTSupport

/// Short descriptions of values and schemas for violation messages.
enum Describe {
    /// The longest text quoted in a message; longer text is cut and ends with `…`.
    static let quoteLimit = 64

    /// A value with its kind, such as `string "3"`, `integer 3`, `number 1.5`, `null` or `object`.
    static func value(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let bool): "boolean \(bool)"
        case .integer(let integer): "integer \(integer)"
        case .double(let double): "number \(number(double))"
        case .string(let string): "string \"\(escaped(string))\""
        case .array(let elements): "array of \(elements.count) \(elements.count == 1 ? "item" : "items")"
        case .object: "object"
        }
    }

    /// Text in single quotes, escaped and cut to ``quoteLimit`` characters: `'BINRY'`.
    static func quoted(_ text: String) -> String {
        "'\(escaped(text))'"
    }

    /// A number without a needless `.0` or exponent: `10`, `1.5`, `9223372036854775808`, `1e+300`.
    static func number(_ double: Double) -> String {
        if let integer = Int64(exactly: double) { return String(integer) }
        if double.rounded() == double, abs(double) < 1e21 { return String(format: "%.0f", double) }
        return "\(double)"
    }

    /// What a schema expects, such as `integer (int32)`, `string (date-time) or null`, or `ProduceRequestData`.
    static func expected(_ schema: SchemaDescriptor) -> String {
        var text = schema.ref ?? schema.type ?? "any value"
        if let format = schema.format { text += " (\(format))" }
        if schema.nullable { text += " or null" }
        return text
    }

    /// `text` with control characters, quotes and backslashes escaped, cut to ``quoteLimit`` characters.
    private static func escaped(_ text: String) -> String {
        let cut = text.count > quoteLimit ? String(text.prefix(quoteLimit)) + "…" : text
        return String(cut.debugDescription.dropFirst().dropLast())
    }
}
