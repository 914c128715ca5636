import Foundation

/// What one client child reports about its mode, as one JSON line: records asked for and
/// delivered, how long producing took, and the child's own peak RSS.
struct Measurement: Codable {
    var records: Int
    var delivered: Int
    var seconds: Double
    /// The client process's peak RSS (`ru_maxrss`) once it had produced everything.
    var peakMebibytes: Double

    var recordsPerSecond: Double {
        seconds > 0 ? Double(delivered) / seconds : 0
    }
}

/// Times `body`, which returns the number of records delivered, and notes the peak RSS after it.
func measure(records: Int, _ body: () async throws -> Int) async throws -> Measurement {
    let start = ContinuousClock.now
    let delivered = try await body()
    let duration = start.duration(to: .now)
    return Measurement(
        records: records,
        delivered: delivered,
        seconds: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18,
        peakMebibytes: peakResidentMebibytes()
    )
}
