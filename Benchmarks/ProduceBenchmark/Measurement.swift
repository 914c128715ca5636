import Foundation

/// One mode's run: how many records were delivered and how long it took.
struct Measurement {
    var mode: String
    var records: Int
    var delivered: Int
    var duration: Duration
    /// Peak RSS after the mode ran (a high-water mark over the process so far).
    var peakMebibytes: Double

    var seconds: Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    var recordsPerSecond: Double {
        seconds > 0 ? Double(delivered) / seconds : 0
    }
}

/// Times `body`, which returns the number of records delivered.
func measure(_ mode: String, records: Int, _ body: () async throws -> Int) async throws -> Measurement {
    let start = ContinuousClock.now
    let delivered = try await body()
    return Measurement(
        mode: mode,
        records: records,
        delivered: delivered,
        duration: start.duration(to: .now),
        peakMebibytes: peakResidentMebibytes()
    )
}
