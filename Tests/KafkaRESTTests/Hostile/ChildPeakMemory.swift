import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Follows a running child's own peak resident set on Linux: `VmHWM` in `/proc/<pid>/status`,
/// read every couple of milliseconds until the child exits.
///
/// `wait4`'s `ru_maxrss` cannot be used there: a child made by `posix_spawn` runs in this
/// process's memory until its `exec`, and Linux carries that memory's peak into the child's, so
/// every child would seem at least as large as the test process. After `exec` the child has
/// memory of its own, whose peak `VmHWM` tracks; it only grows, so the last reading is the peak
/// up to then (a spike in the child's last milliseconds can be missed).
final class ChildPeakMemory: @unchecked Sendable {
    private let lock = NSLock()
    private let pid: pid_t
    private var peak: Int?
    private var done = false

    /// Starts following `pid`, which has already exec'd (`posix_spawn` returns after that), on
    /// a thread of its own: the global dispatch queues are busy with the children's pipes and
    /// waits, and a reading that starts late misses a quick child's growth.
    init(pid: pid_t) {
        self.pid = pid
        #if os(Linux)
        Thread { self.follow() }.start()
        #endif
    }

    /// Stops following, once the child has exited (before it is reaped), and returns the
    /// peak in bytes; `nil` if it was never read (not on Linux, or the child was too quick).
    func stop() -> Int? {
        lock.withLock {
            done = true
            return peak
        }
    }

    private func follow() {
        while true {
            let reading = Self.highWaterMark(of: pid)
            let stopped = lock.withLock {
                if !done, let reading { peak = max(peak ?? 0, reading) }
                return done
            }
            if stopped { return }
            usleep(2_000)
        }
    }

    /// `VmHWM` of `pid` in bytes, or `nil` if it cannot be read (an exited child has none).
    private static func highWaterMark(of pid: pid_t) -> Int? {
        let fd = open("/proc/\(pid)/status", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 8192)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let status = String(decoding: buffer.prefix(count), as: UTF8.self)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        return kilobytes * 1024
    }
}
