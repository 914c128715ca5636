import Foundation
import KafkaRESTSupport

/// Every `pattern` of a schema table, compiled once when the validator is made.
struct PatternCache: Sendable {
    /// A compiled pattern, or why it does not compile.
    enum Entry: @unchecked Sendable {
        // NSRegularExpression is immutable and documented as safe to use from any thread.
        case valid(NSRegularExpression)
        case invalid(reason: String)
    }

    private let entries: [String: Entry]

    /// Compiles the patterns of every descriptor in `table`, nested ones included.
    init(table: [String: SchemaDescriptor]) {
        var entries: [String: Entry] = [:]
        var pending = Array(table.values)
        while let schema = pending.popLast() {
            if let pattern = schema.pattern, entries[pattern] == nil {
                entries[pattern] = Self.compile(pattern)
            }
            pending += (schema.properties ?? []).map(\.schema)
            pending += [schema.items, schema.additionalProperties].compactMap { $0 }
        }
        self.entries = entries
    }

    /// The compiled form of `pattern`.
    func entry(for pattern: String) -> Entry {
        entries[pattern] ?? Self.compile(pattern)
    }

    private static func compile(_ pattern: String) -> Entry {
        do {
            return .valid(try NSRegularExpression(pattern: pattern))
        } catch {
            return .invalid(reason: error.localizedDescription)
        }
    }
}

extension NSRegularExpression {
    /// Whether the expression matches somewhere in `text` (JSON Schema patterns are not anchored).
    func matches(somewhereIn text: String) -> Bool {
        firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
