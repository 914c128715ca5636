/// Swift source spellings of values.
enum SwiftLiteral {
    /// The widest a generated declaration's first line may be before its parameters go one per line.
    static let lineWidth = 120

    /// A string literal, quotes included, with `\` and `"` escaped and every control
    /// character (C0, DEL, C1), line or paragraph separator and bidirectional formatting
    /// character written as a `\u{…}` escape, so the literal stays on one line and reads as
    /// what it holds.
    static func string(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if needsEscape(scalar) {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Whether `scalar` is written as an escape: controls, U+2028, U+2029 and the
    /// bidirectional marks, embeddings, overrides and isolates.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The string literal, quotes included, for a path template, with each `{name}` of a
    /// path parameter in `arguments` replaced by an interpolation that percent-encodes the
    /// argument; any other text, an unknown `{name}` included, stays literal text.
    static func pathExpression(_ template: PathTemplate, arguments: [String: String]) -> String {
        var result = "\""
        for part in template.parts {
            switch part {
            case let .parameter(name):
                if let argument = arguments[name] {
                    result += "\\(PathSegment.encode(\(argument)))"
                } else {
                    result += String(string("{\(name)}").dropFirst().dropLast())
                }
            case let .text(text):
                result += String(string(text).dropFirst().dropLast())
            }
        }
        return result + "\""
    }
}
