import Foundation
import Yams

/// The spec files of one run, each read and composed once: the entry file and every file a
/// `$ref` names, by normalised path.
struct SpecFiles {
    /// A file's top node, or why it could not be read.
    enum Entry {
        case loaded(SpecNode)
        case unreadable(String)
    }

    private var entries: [String: Entry] = [:]

    /// Records the entry file, already composed.
    init(entry: SpecNode) {
        entries[Self.normalised(entry.text.file)] = .loaded(entry)
    }

    /// The top node of the file at `path` (as normalised by ``resolve(_:from:)``), reading it on first use.
    mutating func file(_ path: String) -> Entry {
        if let entry = entries[path] { return entry }
        let entry = Self.read(path)
        entries[path] = entry
        return entry
    }

    /// The path of `relative` as written in a `$ref` inside the file at `base`: relative to
    /// that file's folder unless absolute, with `.` and `..` folded away.
    static func resolve(_ relative: String, from base: String) -> String {
        let decoded = relative.removingPercentEncoding ?? relative
        if decoded.hasPrefix("/") { return normalised(decoded) }
        let folder = (base as NSString).deletingLastPathComponent
        return normalised(folder.isEmpty ? decoded : folder + "/" + decoded)
    }

    /// `path` without `.` segments, with each `..` folding the segment before it (kept at the
    /// start of a relative path), and without doubled slashes.
    static func normalised(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part != ".." || !absolute {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    private static func read(_ path: String) -> Entry {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            return .unreadable("cannot read '\(path)'")
        }
        let source = SpecText(text, file: path)
        do {
            guard let node = try Yams.compose(yaml: text) else { return .unreadable("'\(path)' is empty") }
            return .loaded(SpecNode(node: node, pointer: "", text: source))
        } catch let error as YamlError {
            return .unreadable("\(DocumentLoader.location(of: error, in: source)): not valid YAML: \(DocumentLoader.describe(error))")
        } catch {
            return .unreadable("'\(path)' is not valid YAML")
        }
    }
}
