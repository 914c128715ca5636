/// Cleans spec prose for `///` comments: drops badge images and blank edges,
/// keeps paragraphs.
enum DocumentationText {
    /// The text as comment lines (empty for nil or blank text).
    static func lines(_ text: String?) -> [String] {
        guard let text else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).trimmingTrailingWhitespace() }
            .filter { !$0.trimmingLeadingWhitespace().hasPrefix("[![") }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
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
