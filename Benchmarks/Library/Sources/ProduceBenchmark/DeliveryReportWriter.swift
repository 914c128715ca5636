/// Writes the sink's canned delivery reports, one line each ending in CRLF, with offsets
/// counting up from 0 on each connection.
struct DeliveryReportWriter {
    private static let prefix = Array(#"{"error_code":200,"cluster_id":"c","topic_name":"t","partition_id":0,"offset":"#.utf8)
    private static let suffix = Array(#","timestamp":"2026-12-02T10:00:00.000Z","value":{"type":"STRING","size":12}}"#.utf8) + [13, 10]

    /// The offset of the next report.
    private var nextOffset = 0

    /// Appends `count` reports to `output`.
    mutating func append(_ count: Int, to output: inout [UInt8]) {
        output.reserveCapacity(output.count + count * (Self.prefix.count + Self.suffix.count + 20))
        for _ in 0..<count {
            output.append(contentsOf: Self.prefix)
            let digitsStart = output.count
            var value = nextOffset
            repeat {
                output.append(UInt8(ascii: "0") + UInt8(value % 10))
                value /= 10
            } while value > 0
            output[digitsStart...].reverse()
            output.append(contentsOf: Self.suffix)
            nextOffset += 1
        }
    }
}
