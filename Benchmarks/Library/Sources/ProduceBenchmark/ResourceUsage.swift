import Glibc

/// The figures the report takes from a `rusage`: CPU time, context switches and peak RSS.
struct ResourceUsage: Codable {
    /// User plus system CPU time, in seconds.
    var cpuSeconds: Double
    /// Peak resident set size (`ru_maxrss`, kibibytes on Linux), in mebibytes.
    var peakMebibytes: Double
    /// Context switches, voluntary (`ru_nvcsw`: a thread waited) and involuntary (`ru_nivcsw`).
    var contextSwitches: Int

    init(_ usage: rusage) {
        cpuSeconds = seconds(usage.ru_utime) + seconds(usage.ru_stime)
        peakMebibytes = Double(usage.ru_maxrss) / 1024
        contextSwitches = usage.ru_nvcsw + usage.ru_nivcsw
    }
}

/// `time` in seconds.
private func seconds(_ time: timeval) -> Double {
    Double(time.tv_sec) + Double(time.tv_usec) / 1e6
}
