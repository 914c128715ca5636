/// Text from servers and input made safe to write to a terminal.
///
/// A server's error message or a resource name could hold escape sequences that move the
/// cursor, retitle the window or hide earlier output. Every control character other than tab
/// (C0 including ESC, DEL, C1) is written as a visible escape instead: `\n`, `\r`, or
/// `\u{1B}` style. JSON output needs none of this: the JSON encoder escapes controls.
enum TerminalText {
    /// `text` on one line, with every control character but tab shown as an escape.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t": result.unicodeScalars.append(scalar)
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default:
                if scalar.properties.generalCategory == .control {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// `text` with each of its lines escaped as by ``escaped(_:)``, keeping the line breaks,
    /// for multi-line messages such as usage errors.
    static func escapedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }.joined(separator: "\n")
    }
}
