import Yams

/// A YAML node together with its file and JSON pointer, so every value read
/// from it can be reported precisely. Accessors never throw: a value of the
/// wrong kind is reported as a warning and read as absent.
struct SpecNode {
    let node: Node
    let pointer: String
    let text: SpecText

    /// Where this node is.
    var location: SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: text.file, line: 0, column: 0, pointer: pointer) }
        return text.location(line: mark.line, column: mark.column, pointer: pointer)
    }

    /// The key/value pairs when this is a mapping, in file order.
    var pairs: [(key: String, value: SpecNode)]? {
        guard case let .mapping(mapping) = node else { return nil }
        return mapping.map { pair in
            let key = pair.key.string ?? ""
            return (key, SpecNode(node: pair.value, pointer: pointer + "/" + SourceLocation.escape(key), text: text))
        }
    }

    /// The items when this is a sequence.
    var items: [SpecNode]? {
        guard case let .sequence(sequence) = node else { return nil }
        return sequence.enumerated().map { index, item in
            SpecNode(node: item, pointer: pointer + "/\(index)", text: text)
        }
    }

    /// The scalar text when this is a scalar.
    var scalar: String? {
        guard case let .scalar(scalar) = node else { return nil }
        return scalar.string
    }

    /// The child at `key` of a mapping.
    subscript(key: String) -> SpecNode? {
        guard case let .mapping(mapping) = node, let child = mapping[key] else { return nil }
        return SpecNode(node: child, pointer: pointer + "/" + SourceLocation.escape(key), text: text)
    }

    /// A string child; a non-scalar is reported and read as absent.
    func string(_ key: String, _ diagnostics: inout Diagnostics) -> String? {
        guard let child = self[key] else { return nil }
        guard let text = child.scalar else {
            diagnostics.warn("'\(key)' should be a string; ignored", at: child.location)
            return nil
        }
        return text
    }

    /// A Bool child; anything but `true`/`false` is reported and read as `fallback`.
    func bool(_ key: String, default fallback: Bool, _ diagnostics: inout Diagnostics) -> Bool {
        guard let child = self[key] else { return fallback }
        guard let value = child.node.bool else {
            diagnostics.warn("'\(key)' should be true or false; read as \(fallback)", at: child.location)
            return fallback
        }
        return value
    }

    /// An integer child.
    func int(_ key: String, _ diagnostics: inout Diagnostics) -> Int? {
        guard let child = self[key] else { return nil }
        guard let value = child.node.int else {
            diagnostics.warn("'\(key)' should be an integer; ignored", at: child.location)
            return nil
        }
        return value
    }

    /// A number child.
    func double(_ key: String, _ diagnostics: inout Diagnostics) -> Double? {
        guard let child = self[key] else { return nil }
        guard let value = child.node.float ?? child.node.int.map(Double.init) else {
            diagnostics.warn("'\(key)' should be a number; ignored", at: child.location)
            return nil
        }
        return value
    }

    /// A list of strings; non-string items are reported and skipped.
    func strings(_ key: String, _ diagnostics: inout Diagnostics) -> [String]? {
        guard let child = self[key] else { return nil }
        guard let items = child.items else {
            diagnostics.warn("'\(key)' should be a list; ignored", at: child.location)
            return nil
        }
        return items.compactMap { item in
            guard let text = item.scalar else {
                diagnostics.warn("list item should be a scalar; skipped", at: item.location)
                return nil
            }
            return text
        }
    }

    /// The node as a JSON value. Scalars follow YAML 1.1 core tags, except that
    /// timestamps stay strings (JSON has no timestamp type).
    var json: YAMLJSON {
        switch node {
        case let .scalar(scalar):
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: return .null
            case .bool: return node.bool.map(YAMLJSON.bool) ?? .string(scalar.string)
            case .int:
                if let value = Int64(scalar.string) { return .integer(value) }
                return node.float.map(YAMLJSON.double) ?? .string(scalar.string)
            case .float: return node.float.map(YAMLJSON.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .mapping:
            return .object((pairs ?? []).map { ($0.key, $0.value.json) })
        case .sequence:
            return .array((items ?? []).map(\.json))
        case .alias:
            return .null
        }
    }
}
