/// Where something sits in a spec file: the file, the line and column from
/// libyaml's marks (1-based), and the JSON pointer of the node.
package struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// Path of the spec file as given to the generator.
    package var file: String
    /// 1-based line, or 0 when unknown.
    package var line: Int
    /// 1-based column, or 0 when unknown.
    package var column: Int
    /// RFC 6901 JSON pointer of the node, e.g. `/paths/~1clusters/get`.
    package var pointer: String

    /// Creates a location.
    package init(file: String, line: Int, column: Int, pointer: String) {
        self.file = file
        self.line = line
        self.column = column
        self.pointer = pointer
    }

    /// `file:line:column (#/pointer)`, the form editors and CI logs link to.
    package var description: String {
        let position = line > 0 ? "\(file):\(line):\(column)" : file
        return "\(position) (#\(pointer))"
    }

    /// Escapes one reference token for a JSON pointer (`~` → `~0`, `/` → `~1`).
    package static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
