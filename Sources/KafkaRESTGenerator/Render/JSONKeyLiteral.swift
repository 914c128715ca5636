/// JSON spellings the byte-level coders write verbatim.
enum JSONKeyLiteral {
    /// An object member's name as JSON, quotes and colon included: `"partition_id":`; `"`,
    /// `\` and control characters are escaped as JSON requires.
    static func memberPrefix(_ name: String) -> String {
        var result = "\""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\":"
    }
}
