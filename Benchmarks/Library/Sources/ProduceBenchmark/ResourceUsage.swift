import Glibc

/// The figures the report takes from a `rusage`: CPU time and peak RSS.
struct ResourceUsage: Codable {
    /// User plus system CPU time, in seconds.
    var cpuSeconds: Double
    /// Peak resident set size (`ru_maxrss`, kibibytes on Linux), in mebibytes.
    var peakMebibytes: Double

    init(_ usage: rusage) {
        cpuSeconds = seconds(usage.ru_utime) + seconds(usage.ru_stime)
        peakMebibytes = Double(usage.ru_maxrss) / 1024
    }
}

/// `time` in seconds.
private func seconds(_ time: timeval) -> Double {
    Double(time.tv_sec) + Double(time.tv_usec) / 1e6
}
