/// What a `produce-benchmark` client child prints about its mode, as one JSON line.
struct ModeResult: Codable {
    /// Records the mode was to produce.
    var records: Int
    /// Records reported delivered.
    var delivered: Int
    /// How long producing took.
    var seconds: Double
}

/// One client's figures in the report: its ``ModeResult`` (timed by the parent for curl and the
/// CLI, from start to exit) and its process's `wait4` usage.
struct Measurement {
    var result: ModeResult
    var usage: ResourceUsage

    var recordsPerSecond: Double {
        result.seconds > 0 ? Double(result.delivered) / result.seconds : 0
    }

    /// The client's CPU time per record produced, in microseconds.
    var cpuMicrosecondsPerRecord: Double? {
        result.records > 0 ? usage.cpuSeconds * 1e6 / Double(result.records) : nil
    }

    /// The client's context switches per 1,000 records produced: how often its threads hand
    /// work to each other and wait.
    var contextSwitchesPerThousandRecords: Double? {
        result.records > 0 ? Double(usage.contextSwitches) * 1000 / Double(result.records) : nil
    }
}

/// Times `body`, which returns the number of records delivered.
func timed(records: Int, _ body: () async throws -> Int) async throws -> ModeResult {
    let start = ContinuousClock.now
    let delivered = try await body()
    return ModeResult(records: records, delivered: delivered, seconds: seconds(start.duration(to: .now)))
}

/// `duration` in seconds.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
