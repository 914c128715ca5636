import Foundation

/// An RFC 6901 JSON pointer as written after the `#` of a `$ref` (`/components/schemas/Pet`),
/// split into its unescaped reference tokens.
struct JSONPointer: Hashable {
    /// The tokens, unescaped (`~1` → `/`, `~0` → `~`, percent-escapes decoded).
    let tokens: [String]

    /// Reads a fragment; nil when it is neither empty nor starts with `/` (a plain-name anchor,
    /// which the generator does not resolve).
    init?(fragment: String) {
        let decoded = fragment.removingPercentEncoding ?? fragment
        if decoded.isEmpty || decoded == "/" {
            tokens = []
            return
        }
        guard decoded.hasPrefix("/") else { return nil }
        tokens = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    /// The pointer as written, escaped again: `/a~1b/c`, or an empty string for the whole document.
    var text: String {
        tokens.map { "/" + SourceLocation.escape($0) }.joined()
    }
}

extension SpecNode {
    /// The node `pointer` leads to from this one: mapping keys by name, sequence items by index.
    func descendant(at pointer: JSONPointer) -> SpecNode? {
        var current = self
        for token in pointer.tokens {
            if let child = current[token] {
                current = child
            } else if let index = Int(token), let items = current.items, items.indices.contains(index) {
                current = items[index]
            } else {
                return nil
            }
        }
        return current
    }
}
