import KafkaREST

/// YAML for the JSON values the CLI prints (`--output yaml`): one document per value, block
/// mappings with sorted keys and block sequences.
///
/// A string is written plain when every YAML 1.1 and 1.2 reader takes it back as that same
/// string, and double-quoted otherwise: empty, with surrounding spaces, starting with an
/// indicator, a digit, `+` or `.`, containing `: ` or ` #`, ending with `:`, spelling a
/// boolean or null (`yes`, `off`, `~`, …), or holding a control character. Inside quotes
/// control characters are escapes (`\n`, `\u001B`), so the text is also safe on a terminal.
enum YAMLText {
    /// `value` as a document: `---`, then its lines, each ending with a newline.
    static func document(_ value: JSONValue) -> String {
        "---\n" + lines(value).map { $0 + "\n" }.joined()
    }

    /// The lines of `value` without indentation: a scalar is one line.
    static func lines(_ value: JSONValue) -> [String] {
        switch value {
        case .object(let members) where !members.isEmpty:
            return members.keys.sorted().flatMap { key -> [String] in
                let member = members[key] ?? .null
                let name = string(key) + ":"
                guard let inline = inline(member) else {
                    return [name] + lines(member).map { "  " + $0 }
                }
                return [name + " " + inline]
            }
        case .array(let elements) where !elements.isEmpty:
            return elements.flatMap { element -> [String] in
                guard let inline = inline(element) else {
                    let nested = lines(element)
                    return ["- " + nested[0]] + nested.dropFirst().map { "  " + $0 }
                }
                return ["- " + inline]
            }
        default:
            return [inline(value) ?? ""]
        }
    }

    /// The one-line form of a scalar or an empty container; `nil` for a non-empty container.
    static func inline(_ value: JSONValue) -> String? {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .double(let number): double(number)
        case .string(let text): string(text)
        case .array(let elements): elements.isEmpty ? "[]" : nil
        case .object(let members): members.isEmpty ? "{}" : nil
        }
    }

    /// A number as YAML 1.1 and 1.2 both read it as a float: with a `.` before any exponent.
    static func double(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        let text = number.description
        guard !text.contains("."), let exponent = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return text
        }
        return text[..<exponent] + ".0" + text[exponent...]
    }

    /// `text` plain when that reads back as the same string, double-quoted otherwise.
    static func string(_ text: String) -> String {
        needsQuotes(text) ? quoted(text) : text
    }

    /// The words YAML 1.1 or 1.2 reads as a boolean, null or merge key, compared lowercased.
    private static let reservedWords: Set<String> = ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", "=", "<<"]

    /// The characters a plain scalar must not start with.
    private static let leadingIndicators: Set<Character> = [
        "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "+", ".",
    ]

    /// Whether `text` must be quoted to read back as itself (see the type's rules).
    static func needsQuotes(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return true }
        if first.isWhitespace || last.isWhitespace || first.isNumber || leadingIndicators.contains(first) {
            return true
        }
        if reservedWords.contains(text.lowercased()) || last == ":" || text.contains(": ") || text.contains(" #") {
            return true
        }
        return text.unicodeScalars.contains(where: needsEscape)
    }

    /// Whether `scalar` is written as an escape inside quotes: controls, and the characters
    /// YAML treats as line breaks or a byte order mark.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || [0x2028, 0x2029, 0xFEFF].contains(scalar.value)
    }

    /// `text` double-quoted with `\`, `"` and every character of ``needsEscape(_:)`` escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
