/// Rows of text cells printed as aligned columns, two spaces apart.
struct TextTable {
    /// The column titles.
    var headers: [String]
    /// The rows, each with one cell per header.
    var rows: [[String]]

    /// The table as lines; the last column is not padded.
    var lines: [String] {
        let all = [headers] + rows
        let widths = headers.indices.map { column in
            all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column])
            }
            .joined(separator: "  ")
        }
    }

    /// One `TITLE  value` line per column of a single row, titles aligned.
    static func record(headers: [String], cells: [String]) -> [String] {
        let width = headers.map(\.count).max() ?? 0
        return zip(headers, cells).map { header, cell in
            header.padding(toLength: width) + "  " + cell
        }
    }
}

extension String {
    /// The string followed by spaces up to `length` characters.
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
