import Foundation

/// The Markdown tables `produce-benchmark` prints, one per server, with the notes under them.
struct BenchmarkReport {
    /// One mode's figures, one measurement per run.
    struct Row {
        var mode: ProduceMode
        var label: String
        var measurements: [Measurement]
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
        let rawSinkRates = tables.first { $0.server == .sink }?.rows.first { $0.mode == .raw }?.measurements.map(\.recordsPerSecond)
        let runs = tables.first?.rows.first?.measurements.count ?? 1
        var lines = ["machine: \(machine.line)"]
        for table in tables {
            lines += ["", "### \(table.server.label)", ""]
            lines += markdownTable(table, baseline: rawSinkRates)
            lines.append("")
            lines += notes(table).map { "- " + $0 }
        }
        lines += [
            "",
            "records/s: records reported delivered over the time the client took (in-process for the raw client and the library "
                + "modes; from start to exit for curl and the CLI). vs raw client: records/s over the raw client's against the sink "
                + "in this run. client CPU, switches and peak RSS: user + system time, voluntary + involuntary context switches and ru_maxrss of the "
                + "client process, from wait4."
                + (runs > 1
                    ? " Over \(runs) runs: medians, with [min–max] of client CPU; vs raw client is the median of each run's ratio, "
                        + "delivered the fewest of any run, peak RSS the highest."
                    : ""),
        ]
        return lines.joined(separator: "\n")
    }

    /// The table of `table`'s rows, the idle client first; `baseline` holds the raw client's
    /// records/s against the sink, run by run.
    private func markdownTable(_ table: Table, baseline: [Double]?) -> [String] {
        let header = ["mode", "records", "delivered", "seconds", "records/s", "vs raw client", "client CPU µs/record", "client switches /1k records", "client peak RSS MiB"]
        let idle = table.idle.measurements[0]
        let idleCells = [table.idle.label, "-", "-", "-", "-", "-", String(format: "%.0f ms in all", idle.usage.cpuSeconds * 1000), "\(idle.usage.contextSwitches) in all", mebibytes(idle.usage.peakMebibytes)]
        let cells = [idleCells] + table.rows.map { row in
            let runs = row.measurements
            let ratios = baseline.map { rates in zip(runs, rates).map { $0.recordsPerSecond / $1 } }
            let cpu = runs.compactMap(\.cpuMicrosecondsPerRecord)
            let switches = runs.compactMap(\.contextSwitchesPerThousandRecords)
            return [
                row.label,
                grouped(runs[0].result.records),
                grouped(runs.map(\.result.delivered).min() ?? 0),
                String(format: "%.2f", median(runs.map(\.result.seconds))),
                grouped(Int(median(runs.map(\.recordsPerSecond)).rounded())),
                ratios.map { String(format: "%.3fx", median($0)) } ?? "-",
                cpu.isEmpty ? "-" : String(format: "%.2f", median(cpu)) + (cpu.count > 1 ? String(format: " [%.2f–%.2f]", cpu.min()!, cpu.max()!) : ""),
                switches.isEmpty ? "-" : String(format: "%.0f", median(switches)),
                mebibytes(runs.map(\.usage.peakMebibytes).max() ?? 0),
            ]
        }
        return markdownLines(header: header, rows: cells)
    }

    /// The lines under one server's table: what the server saw and cost.
    private func notes(_ table: Table) -> [String] {
        let summary = table.summary
        let sent = table.rows.reduce(0) { total, row in row.measurements.reduce(total) { $0 + $1.result.records } }
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

/// The middle of `values` (the mean of the two middle ones for an even count); 0 for none.
func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
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
