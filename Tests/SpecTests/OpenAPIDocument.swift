import Foundation
import Yams

/// A YAML (or JSON) value reduced to a plain, `Sendable` tree.
///
/// Scalars keep their source text (`200`, `true`, `int32`), so keys such as `200` and `"200"`
/// or `5XX` compare as the strings they are written as.
enum SpecValue: Sendable, Hashable {
    case scalar(String)
    case sequence([SpecValue])
    case mapping([String: SpecValue])

    /// The value under `key` when this is a mapping.
    subscript(key: String) -> SpecValue? {
        if case .mapping(let mapping) = self { return mapping[key] }
        return nil
    }

    /// The text of a scalar.
    var string: String? {
        if case .scalar(let text) = self { return text }
        return nil
    }

    /// A YAML boolean scalar (`true`/`false` in any letter case).
    var bool: Bool? {
        switch string?.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }

    /// The entries of a mapping.
    var mapping: [String: SpecValue]? {
        if case .mapping(let mapping) = self { return mapping }
        return nil
    }

    /// The elements of a sequence.
    var sequence: [SpecValue]? {
        if case .sequence(let elements) = self { return elements }
        return nil
    }

    /// Parses the first YAML (or JSON) document in `yaml` with `Yams.compose`; `nil` when there is none.
    static func parse(yaml: String) throws -> SpecValue? {
        try Yams.compose(yaml: yaml).map(value(of:))
    }

    private static func value(of node: Node) throws -> SpecValue {
        switch node {
        case .scalar(let scalar):
            return .scalar(scalar.string)
        case .sequence(let sequence):
            return .sequence(try sequence.map(value(of:)))
        case .mapping(let mapping):
            var entries: [String: SpecValue] = [:]
            for (key, element) in mapping {
                guard let name = key.string else {
                    throw SpecError(description: "non-scalar mapping key at line \(key.mark?.line ?? 0)")
                }
                entries[name] = try value(of: element)
            }
            return .mapping(entries)
        case .alias(let alias):
            throw SpecError(description: "YAML aliases are not supported (line \(alias.mark?.line ?? 0))")
        }
    }
}

/// Errors raised while reading a spec.
struct SpecError: Error, CustomStringConvertible {
    let description: String
}

/// A parsed OpenAPI document that can resolve local `$ref`s (`#/components/...`).
struct OpenAPIDocument: Sendable {
    /// The whole document.
    let root: SpecValue

    /// Parses YAML (JSON is YAML too).
    init(yaml: String) throws {
        guard let root = try SpecValue.parse(yaml: yaml) else {
            throw SpecError(description: "the document is empty")
        }
        self.root = root
    }

    /// Reads and parses the file at `url`.
    init(contentsOf url: URL) throws {
        try self.init(yaml: String(contentsOf: url, encoding: .utf8))
    }

    /// `paths`, keyed by path template.
    var paths: [String: SpecValue] {
        root["paths"]?.mapping ?? [:]
    }

    /// The value a local JSON pointer such as `#/components/schemas/Topic` points at.
    func resolve(reference: String) throws -> SpecValue {
        guard reference.hasPrefix("#/") else {
            throw SpecError(description: "only local references are supported, found \(reference)")
        }
        var current = root
        for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let key = String(token)
                .replacingOccurrences(of: "~1", with: "/")
                .replacingOccurrences(of: "~0", with: "~")
            guard let next = current[key.removingPercentEncoding ?? key] else {
                throw SpecError(description: "unresolvable reference \(reference)")
            }
            current = next
        }
        return current
    }

    /// Follows a chain of `$ref`s (as used for parameters, request bodies and responses) to the
    /// object it ends at. Siblings of `$ref` are dropped, as OpenAPI 3.0 prescribes.
    func dereferenced(_ value: SpecValue) throws -> SpecValue {
        var current = value
        var seen: Set<String> = []
        while let reference = current["$ref"]?.string {
            guard seen.insert(reference).inserted else {
                throw SpecError(description: "reference cycle through \(reference)")
            }
            current = try resolve(reference: reference)
        }
        return current
    }
}
