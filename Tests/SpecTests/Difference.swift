/// One way our spec differs from a reference file, as a stable, readable line:
/// `GET /clusters/{cluster_id}/topics › 200 application/json › data[] › partitions_count: type integer/int32 in reference, integer/int64 in ours`.
///
/// `location` names where (operation, then parameter / request / status and media type, then the
/// property path; `[]` marks array items and `{}` additionalProperties); `message` says what,
/// always with the reference side first. `key` is what `spec/conformance-exceptions.yaml` matches.
struct Difference: Sendable, Hashable {
    let location: String
    let message: String

    var key: String { "\(location): \(message)" }

    /// Diff-style marker for reports: `-` the reference has something ours lacks, `+` ours has
    /// something the reference lacks, `~` both have it but it differs.
    var marker: String {
        if message.hasSuffix("missing in ours") { return "-" }
        if message.hasSuffix("missing in reference") { return "+" }
        return "~"
    }
}

/// A place inside an operation: a fixed start such as `GET /topics › 200 application/json`
/// plus the path through a schema below it.
struct SchemaLocation: Sendable, CustomStringConvertible {
    static let separator = " › "

    let start: String
    private(set) var path: [String] = []

    init(_ start: String) {
        self.start = start
    }

    /// The location of property `name` of the schema here.
    func property(_ name: String) -> SchemaLocation {
        var next = self
        next.path.append(name)
        return next
    }

    /// The location of the array items of the schema here: `data` becomes `data[]`.
    func items() -> SchemaLocation {
        suffixed("[]")
    }

    /// The location of the `additionalProperties` schema here: `configs` becomes `configs{}`.
    func additionalProperties() -> SchemaLocation {
        suffixed("{}")
    }

    var description: String {
        ([start] + path).joined(separator: Self.separator)
    }

    private func suffixed(_ marker: String) -> SchemaLocation {
        var next = self
        if next.path.isEmpty {
            next.path.append(marker)
        } else {
            next.path[next.path.count - 1] += marker
        }
        return next
    }
}
