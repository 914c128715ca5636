import Glibc

/// The process's peak resident set size so far (`getrusage` `ru_maxrss`), in mebibytes.
func peakResidentMebibytes() -> Double {
    ResourceUsage(ownUsage()).peakMebibytes
}

/// The process's user and system CPU time so far, in seconds.
func ownCPUSeconds() -> Double {
    ResourceUsage(ownUsage()).cpuSeconds
}

/// `getrusage(RUSAGE_SELF)`.
private func ownUsage() -> rusage {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage
}
