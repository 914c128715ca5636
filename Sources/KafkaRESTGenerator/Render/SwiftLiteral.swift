/// Swift source spellings of values.
enum SwiftLiteral {
    /// A string literal, quotes included, with `\` and `"` escaped and control characters written as escapes.
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
                if scalar.value < 0x20 {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// The body of a string literal for a path template, with each `{name}`
    /// replaced by an interpolation that percent-encodes the argument.
    static func pathExpression(_ template: String, arguments: [String: String]) -> String {
        var result = "\""
        var parameter: String?
        for character in template {
            switch character {
            case "{":
                parameter = ""
            case "}":
                if let name = parameter {
                    result += "\\(PathSegment.encode(\(arguments[name] ?? name)))"
                }
                parameter = nil
            default:
                if parameter != nil {
                    parameter!.append(character)
                } else {
                    result += String(string(String(character)).dropFirst().dropLast())
                }
            }
        }
        return result + "\""
    }
}
