import Foundation

/// The component kinds a `$ref` can name, as written in `#/components/<kind>/<name>`.
enum ComponentKind: String {
    case schemas, parameters, requestBodies, responses, headers, examples
}

/// A model value that can be a component, and so the target of a `$ref`.
protocol ReferencedComponent: Sendable {
    /// The `components` section that holds values of this kind.
    static var componentKind: ComponentKind { get }
}

extension Schema: ReferencedComponent { static var componentKind: ComponentKind { .schemas } }
extension Parameter: ReferencedComponent { static var componentKind: ComponentKind { .parameters } }
extension RequestBody: ReferencedComponent { static var componentKind: ComponentKind { .requestBodies } }
extension Response: ReferencedComponent { static var componentKind: ComponentKind { .responses } }
extension Header: ReferencedComponent { static var componentKind: ComponentKind { .headers } }
extension ExampleValue: ReferencedComponent { static var componentKind: ComponentKind { .examples } }

/// Turns every `$ref` the loader meets into a reference to a component of the entry file, so
/// the later stages resolve only `#/components/<kind>/<name>`.
///
/// A reference to another file (`models/app.yml`, `shared/headers.yml#/ratelimit-limit`), or to a
/// place of the entry file outside its components (`#/$defs/Point`), makes its target a component
/// of its own, named after the last token of the pointer, or the file's name without extension
/// when the reference names a whole file. A name already taken by another target gets the name of
/// the folder that holds the file before it (skipping folders such as `models` that say nothing),
/// then a number. Each target is read once, however many references lead to it, which also ends
/// cycles across files.
struct FollowedReferences {
    /// A component named for a followed target and not read yet.
    struct Pending {
        let kind: ComponentKind
        let name: String
        let node: SpecNode
    }

    private var files: SpecFiles
    private let entryFile: String
    private var names: [ComponentKind: [String: String]] = [:]
    private var taken: [ComponentKind: Set<String>] = [:]
    /// Targets named but not read yet, in the order they were found.
    private(set) var pending: [Pending] = []

    /// Folder names that describe what a file holds rather than what it is about.
    private static let genericFolders: Set<String> = [
        "models", "model", "schemas", "schema", "definitions", "components", "responses", "parameters",
        "requestBodies", "request_bodies", "headers", "examples", "shared", "common", "resources", ".", "..",
    ]

    /// Starts with the entry file's top node; the names in its `components` are taken.
    init(entry: SpecNode) {
        files = SpecFiles(entry: entry)
        entryFile = SpecFiles.normalised(entry.text.file)
        for kind in [ComponentKind.schemas, .parameters, .requestBodies, .responses, .headers, .examples] {
            taken[kind] = Set((entry["components"]?[kind.rawValue]?.pairs ?? []).map(\.key))
        }
    }

    /// Takes the pending targets, leaving none.
    mutating func takePending() -> [Pending] {
        defer { pending = [] }
        return pending
    }

    /// The `#/components/<kind>/<name>` reference that stands for `reference` written in `node`'s
    /// file, naming (and queueing) its target on first use; or why it cannot be followed.
    mutating func componentReference(_ reference: String, kind: ComponentKind, writtenIn node: SpecNode) -> Result<String, ReferenceProblem> {
        let prefix = "#/components/\(kind.rawValue)/"
        let writtenInEntry = SpecFiles.normalised(node.text.file) == entryFile
        if writtenInEntry, reference.hasPrefix(prefix), !reference.dropFirst(prefix.count).contains("/") {
            return .success(reference)
        }
        let target: Target
        switch self.target(of: reference, writtenIn: node) {
        case let .success(found): target = found
        case let .failure(problem): return .failure(problem)
        }
        if target.path == entryFile, target.pointer.tokens.count == 3,
           target.pointer.tokens[0] == "components", target.pointer.tokens[1] == kind.rawValue {
            return .success(prefix + SourceLocation.escape(target.pointer.tokens[2]))
        }
        let key = target.path + "#" + target.pointer.text
        if let name = names[kind]?[key] {
            return .success(prefix + SourceLocation.escape(name))
        }
        let name = freeName(for: target, kind: kind)
        names[kind, default: [:]][key] = name
        taken[kind, default: []].insert(name)
        pending.append(Pending(kind: kind, name: name, node: target.node))
        return .success(prefix + SourceLocation.escape(name))
    }

    /// The node `reference`, written in `node`'s file, leads to, following further `$ref`s that
    /// the target itself is (for parts that are not components: path items, operations, property maps).
    mutating func followedNode(_ reference: String, writtenIn node: SpecNode) -> Result<SpecNode, ReferenceProblem> {
        var current = node
        var text = reference
        var seen: Set<String> = []
        while true {
            let target: Target
            switch self.target(of: text, writtenIn: current) {
            case let .success(found): target = found
            case let .failure(problem): return .failure(problem)
            }
            guard seen.insert(target.path + "#" + target.pointer.text).inserted else {
                return .failure(ReferenceProblem(message: "'$ref: \(reference)' leads back to itself"))
            }
            guard let next = target.node["$ref"]?.scalar else { return .success(target.node) }
            current = target.node
            text = next
        }
    }

    /// A reference's target: the normalised file path, the pointer and the node there.
    private struct Target {
        let path: String
        let pointer: JSONPointer
        let node: SpecNode
    }

    private mutating func target(of reference: String, writtenIn node: SpecNode) -> Result<Target, ReferenceProblem> {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let filePart = String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : ""
        if filePart.contains("://") {
            return .failure(ReferenceProblem(message: "'$ref: \(reference)' names a remote document; only files beside the spec are read"))
        }
        let path = filePart.isEmpty ? SpecFiles.normalised(node.text.file) : SpecFiles.resolve(filePart, from: node.text.file)
        guard let pointer = JSONPointer(fragment: fragment) else {
            return .failure(ReferenceProblem(message: "'$ref: \(reference)' has a fragment that is not a JSON pointer (#/…)"))
        }
        let top: SpecNode
        switch files.file(path) {
        case let .loaded(node): top = node
        case let .unreadable(reason): return .failure(ReferenceProblem(message: "'$ref: \(reference)' cannot be followed: \(reason)"))
        }
        guard let found = top.descendant(at: pointer) else {
            return .failure(ReferenceProblem(message: "'$ref: \(reference)' points at nothing in '\(path)' (no #\(pointer.text))"))
        }
        return .success(Target(path: path, pointer: pointer, node: found))
    }

    /// The name a target gets: see the type's documentation.
    private func freeName(for target: Target, kind: ComponentKind) -> String {
        let fileName = ((target.path as NSString).lastPathComponent as NSString).deletingPathExtension
        let base = target.pointer.tokens.last(where: { Int($0) == nil }) ?? fileName
        let used = taken[kind] ?? []
        if !used.contains(base) { return base }
        let folders = (target.path as NSString).deletingLastPathComponent.split(separator: "/").reversed()
        if let folder = folders.first(where: { !Self.genericFolders.contains(String($0)) }) {
            let qualified = "\(folder)_\(base)"
            if !used.contains(qualified) { return qualified }
        }
        var number = 2
        while used.contains("\(base)\(number)") { number += 1 }
        return "\(base)\(number)"
    }
}

/// Why a `$ref` cannot be followed, for a warning at the place it is written.
struct ReferenceProblem: Error {
    let message: String
}
