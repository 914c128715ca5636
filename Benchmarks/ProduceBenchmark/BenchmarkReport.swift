import Foundation

/// The Markdown table `produce-benchmark` prints, with the notes under it.
struct BenchmarkReport {
    /// One client child's figures.
    struct Row {
        var mode: ProduceMode
        var label: String
        var measurement: Measurement
    }

    /// The client that produced nothing: the memory any client process starts from.
    var idle: Row
    /// The measured modes, one request per record first.
    var rows: [Row]
    var server: ServerSummary
    var machine: MachineFacts

    var markdown: String {
        let header = ["mode", "records", "delivered", "seconds", "records/s", "vs one per request", "client peak RSS MiB", "above idle MiB"]
        let baseline = rows.first { $0.mode == .onePerRequest }?.measurement.recordsPerSecond ?? 0
        let idleMebibytes = idle.measurement.peakMebibytes
        let cells = [[idle.label, "-", "-", "-", "-", "-", mebibytes(idleMebibytes), "-"]] + rows.map { row in
            let measurement = row.measurement
            return [
                row.label,
                grouped(measurement.records),
                grouped(measurement.delivered),
                String(format: "%.2f", measurement.seconds),
                grouped(Int(measurement.recordsPerSecond.rounded())),
                baseline > 0 ? String(format: "%.1fx", measurement.recordsPerSecond / baseline) : "-",
                mebibytes(measurement.peakMebibytes),
                mebibytes(measurement.peakMebibytes - idleMebibytes),
            ]
        }
        var lines = table(header: header, rows: cells)
        lines.append("")
        lines.append(contentsOf: notes(baseline: baseline).map { "- " + $0 })
        return lines.joined(separator: "\n")
    }

    /// The lines under the table: other ratios, what the memory figures mean, the server, the machine.
    private func notes(baseline: Double) -> [String] {
        var notes: [String] = []
        let streaming = rows.first { $0.mode == .streaming }?.measurement.recordsPerSecond ?? 0
        if let batches = rows.first(where: { $0.mode == .batches })?.measurement.recordsPerSecond, batches > 0 {
            notes.append(String(format: "streaming / batches: %.1fx records/s", streaming / batches))
        }
        notes.append(
            "client peak RSS: getrusage ru_maxrss of each mode's own client process, measured when it had produced everything; "
                + "above idle: minus the idle client's peak"
        )
        notes.append(
            "test server: a process of its own, not counted above (peak RSS \(mebibytes(server.peakMebibytes)) MiB, "
                + "\(grouped(server.recordsStored)) records stored, \(server.streamsOpened) stream(s) opened, "
                + "at most \(grouped(server.maxInFlight)) records in flight on one stream)"
        )
        notes.append("machine: \(machine.line)")
        return notes
    }
}

/// A Markdown table with the first column left-aligned, the others right-aligned, and every
/// column padded so the text lines up too.
private func table(header: [String], rows: [[String]]) -> [String] {
    let widths = header.indices.map { column in
        max(3, ([header] + rows).map { $0[column].count }.max() ?? 0)
    }
    func line(_ cells: [String]) -> String {
        let padded = cells.enumerated().map { column, cell in
            let padding = String(repeating: " ", count: widths[column] - cell.count)
            return column == 0 ? cell + padding : padding + cell
        }
        return "| " + padded.joined(separator: " | ") + " |"
    }
    let rule = widths.enumerated().map { column, width in
        column == 0 ? ":" + String(repeating: "-", count: width - 1) : String(repeating: "-", count: width - 1) + ":"
    }
    return [line(header), "| " + rule.joined(separator: " | ") + " |"] + rows.map(line)
}

/// `value` with commas between groups of three digits.
private func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    let groups = stride(from: digits.count, to: 0, by: -3).reversed().map { end in
        let start = max(0, end - 3)
        return String(digits.dropFirst(start).prefix(end - start))
    }
    return (value < 0 ? "-" : "") + groups.joined(separator: ",")
}

/// Mebibytes with one decimal.
private func mebibytes(_ value: Double) -> String {
    String(format: "%.1f", value)
}
