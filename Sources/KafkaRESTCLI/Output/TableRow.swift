/// A resource shown as one row of a table: the columns a person needs, not every field.
protocol TableRow {
    /// The column titles, such as `NAME`, `PARTITIONS`.
    static var columns: [String] { get }
    /// The cells of this resource, one per column.
    var cells: [String] { get }
}

/// How table cells show common values.
enum Cell {
    /// `yes` or `no`.
    static func flag(_ value: Bool?) -> String {
        value.map { $0 ? "yes" : "no" } ?? "-"
    }

    /// The text, or `-` when absent.
    static func text(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "-" }
        return value
    }

    /// The number, or `-` when absent.
    static func number<N: BinaryInteger>(_ value: N?) -> String {
        value.map { "\($0)" } ?? "-"
    }

    /// The last path segment of a related resource's URL, such as the broker id of
    /// `…/brokers/1`; `-` when absent.
    static func lastSegment(_ url: String?) -> String {
        guard let url, let last = url.split(separator: "/").last else { return "-" }
        return String(last)
    }
}
