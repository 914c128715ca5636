/// Cleans spec prose for `///` comments: drops badge images and blank edges,
/// keeps paragraphs.
///
/// Spec text can never end a comment line early: it is split at every Unicode line
/// terminator (`\n`, `\r`, `\r\n`, vertical tab, form feed, U+0085, U+2028, U+2029) and
/// other control characters become spaces, so nothing after a line break compiles as Swift.
enum DocumentationText {
    /// The text as comment lines (empty for nil or blank text).
    static func lines(_ text: String?) -> [String] {
        guard let text else { return [] }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { neutralisingControls(String($0)).trimmingTrailingWhitespace() }
            .filter { !$0.trimmingLeadingWhitespace().hasPrefix("[![") }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// `text` for the middle of one comment line, such as a path or an operation id: line
    /// terminators and other control characters become spaces.
    static func inline(_ text: String) -> String {
        neutralisingControls(String(text.map { $0.isNewline ? " " : $0 }))
    }

    /// `text` with every control character (C0, DEL, C1) other than tab replaced by a space.
    private static func neutralisingControls(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let isControl = scalar.properties.generalCategory == .control && scalar != "\t"
            result.append(isControl ? " " : scalar)
        }
        return String(result)
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var result = self
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }

    func trimmingLeadingWhitespace() -> String {
        String(drop(while: \.isWhitespace))
    }
}
