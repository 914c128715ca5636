import Foundation

/// The Markdown tables `produce-benchmark` prints, one per server, with the notes under them.
struct BenchmarkReport {
    /// One client's figures.
    struct Row {
        var mode: ProduceMode
        var label: String
        var measurement: Measurement
    }

    /// Every mode's figures against one server.
    struct Table {
        var server: ServerKind
        /// The client that produced nothing: the memory and CPU any library client starts from.
        var idle: Row
        /// The measured modes, the raw client first.
        var rows: [Row]
        var summary: ServerSummary
    }

    var tables: [Table]
    var machine: MachineFacts

    var markdown: String {
        let rawSinkRate = tables.first { $0.server == .sink }?.rows.first { $0.mode == .raw }?.measurement.recordsPerSecond
        var lines = ["machine: \(machine.line)"]
        for table in tables {
            lines += ["", "### \(table.server.label)", ""]
            lines += markdownTable(table, baseline: rawSinkRate)
            lines.append("")
            lines += notes(table).map { "- " + $0 }
        }
        lines += [
            "",
            "records/s: records reported delivered over the time the client took (in-process for the raw client and the library "
                + "modes; from start to exit for curl and the CLI). vs raw client: records/s over the raw client's against the sink "
                + "in this run. client CPU, switches and peak RSS: user + system time, voluntary + involuntary context switches and ru_maxrss of the "
                + "client process, from wait4.",
        ]
        return lines.joined(separator: "\n")
    }

    /// The table of `table`'s rows, the idle client first.
    private func markdownTable(_ table: Table, baseline: Double?) -> [String] {
        let header = ["mode", "records", "delivered", "seconds", "records/s", "vs raw client", "client CPU µs/record", "client switches /1k records", "client peak RSS MiB"]
        let idle = table.idle.measurement
        let idleCells = [table.idle.label, "-", "-", "-", "-", "-", String(format: "%.0f ms in all", idle.usage.cpuSeconds * 1000), "\(idle.usage.contextSwitches) in all", mebibytes(idle.usage.peakMebibytes)]
        let cells = [idleCells] + table.rows.map { row in
            let measurement = row.measurement
            return [
                row.label,
                grouped(measurement.result.records),
                grouped(measurement.result.delivered),
                String(format: "%.2f", measurement.result.seconds),
                grouped(Int(measurement.recordsPerSecond.rounded())),
                baseline.map { String(format: "%.3fx", measurement.recordsPerSecond / $0) } ?? "-",
                measurement.cpuMicrosecondsPerRecord.map { String(format: "%.2f", $0) } ?? "-",
                measurement.contextSwitchesPerThousandRecords.map { String(format: "%.0f", $0) } ?? "-",
                mebibytes(measurement.usage.peakMebibytes),
            ]
        }
        return markdownLines(header: header, rows: cells)
    }

    /// The lines under one server's table: what the server saw and cost.
    private func notes(_ table: Table) -> [String] {
        let summary = table.summary
        let sent = table.rows.reduce(0) { $0 + $1.measurement.result.records }
        let perRecord = summary.records > 0 ? summary.cpuSeconds * 1e6 / Double(summary.records) : 0
        var seen = [
            "\(grouped(summary.records)) records \(table.server == .sink ? "answered" : "stored") (\(grouped(sent)) sent)",
            summary.connections.map { "\(grouped($0)) connections" },
            summary.requests.map { "\(grouped($0)) requests" },
            "\(grouped(summary.streamsOpened)) stream(s)",
            summary.maxInFlight.map { "at most \(grouped($0)) records in flight on one stream" },
        ].compactMap { $0 }
        seen.append(String(format: "server CPU %.2f µs/record, peak RSS %.1f MiB", perRecord, summary.peakMebibytes))
        return ["\(table.server.label), a process of its own, not counted above: " + seen.joined(separator: ", ")]
    }
}

/// A Markdown table with the first column left-aligned, the others right-aligned, and every
/// column padded so the text lines up too.
private func markdownLines(header: [String], rows: [[String]]) -> [String] {
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
