import Foundation

/// One step into a JSON value: an object member or an array element.
enum PathToken: Sendable {
    case key(String)
    case index(Int)
}

/// RFC 6901 JSON pointers.
enum JSONPointer {
    /// The pointer of `path`, such as `/data/0/operation`; `""` for the root.
    static func string<Path: Sequence<PathToken>>(_ path: Path) -> String {
        var pointer = ""
        for token in path {
            pointer += "/"
            switch token {
            case .key(let key): pointer += escape(key)
            case .index(let index): pointer += String(index)
            }
        }
        return pointer
    }

    /// `key` with `~` written `~0` and `/` written `~1`.
    static func escape(_ key: String) -> String {
        guard key.contains(where: { $0 == "~" || $0 == "/" }) else { return key }
        return key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The pointer one level up: `/a/b` → `/a`; the root has none.
    static func parent(of pointer: String) -> String? {
        guard let slash = pointer.lastIndex(of: "/") else { return nil }
        return String(pointer[..<slash])
    }
}
