import Foundation
import KafkaRESTTesting

/// The table `produce-benchmark` prints.
struct BenchmarkReport {
    var measurements: [Measurement]
    /// Peak RSS before producing anything (server started, nothing stored).
    var baselineMebibytes: Double
    var statistics: StreamStatistics

    var text: String {
        let header = ["mode", "records", "delivered", "seconds", "records/s", "peak RSS MiB"]
        let rows = measurements.map { measurement in
            [
                measurement.mode,
                String(measurement.records),
                String(measurement.delivered),
                String(format: "%.2f", measurement.seconds),
                String(format: "%.0f", measurement.recordsPerSecond),
                String(format: "%.0f", measurement.peakMebibytes),
            ]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }
        var lines = [line(header), String(repeating: "-", count: widths.reduce(2 * (widths.count - 1), +))]
        lines += rows.map(line)
        lines.append("")
        if let streaming = measurements.last, let perRequest = measurements.first, perRequest.recordsPerSecond > 0 {
            lines.append(String(format: "streaming / one request per record: %.1fx", streaming.recordsPerSecond / perRequest.recordsPerSecond))
        }
        if measurements.count == 3, measurements[1].recordsPerSecond > 0, let streaming = measurements.last {
            lines.append(String(format: "streaming / batches: %.1fx", streaming.recordsPerSecond / measurements[1].recordsPerSecond))
        }
        lines.append("streams opened: \(statistics.streamsOpened), server-side max in flight: \(statistics.maxInFlight)")
        lines.append(String(
            format: "peak RSS: %.0f MiB at start; the figures are getrusage maxima of the whole process, which includes the in-process test server and every record it stores",
            baselineMebibytes
        ))
        return lines.joined(separator: "\n")
    }
}
