import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one run of the `kafka-rest` executable did.
struct ChildRun: Sendable {
    /// The exit status, or 128 + the signal that ended it.
    var status: Int32
    /// Standard output (at most ``KafkaRESTChild/outputLimit`` bytes of it).
    var stdout: String
    /// Standard error (at most ``KafkaRESTChild/outputLimit`` bytes of it).
    var stderr: String
    /// The child's peak resident set size in bytes: its own (``ChildPeakMemory``) on Linux,
    /// `wait4`'s `ru_maxrss` elsewhere or if that could not be read.
    var peakRSS: Int
    /// Whether it was killed for running past its time limit.
    var killed: Bool

    /// Standard output and standard error together, for "never shown" checks.
    var allOutput: String { stdout + stderr }
}

/// Runs the built `kafka-rest` executable as a child process with `posix_spawn`, follows its
/// peak memory, and reaps it with `wait4`.
enum KafkaRESTChild {
    /// The most bytes of each output stream kept; the rest is read and dropped.
    static let outputLimit = 4 * 1024 * 1024

    /// The executable next to the test bundle, or in `.build/debug` of the package; `nil` if
    /// it was not built.
    static let executable: String? = {
        let bundle = Bundle.main.bundleURL
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            bundle.appendingPathComponent("kafka-rest"),
            bundle.deletingLastPathComponent().appendingPathComponent("kafka-rest"),
            packageRoot.appendingPathComponent(".build/debug/kafka-rest"),
        ]
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs `kafka-rest arguments` with exactly `environment` and standard input from
    /// `/dev/null`; kills it (by its process id) if it runs longer than `limit`.
    ///
    /// At most ``ChildSlots/limit`` children run at once; `limit` counts from the start of this one.
    static func run(_ arguments: [String], environment: [String: String], limit: Duration = .seconds(30)) async throws -> ChildRun {
        guard let executable else { throw NotBuilt() }
        await ChildSlots.shared.acquire()
        let result = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Result { try spawnAndWait(executable, arguments, environment, limit: limit) })
            }
        }
        await ChildSlots.shared.release()
        return try result.get()
    }

    /// The executable was not found.
    struct NotBuilt: Error, CustomStringConvertible {
        var description: String { "the kafka-rest executable was not found next to the tests or in .build/debug; build it first (swift build)" }
    }

    /// A system call failed.
    struct SpawnFailed: Error, CustomStringConvertible {
        var call: String
        var code: Int32
        var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
    }

    private static func spawnAndWait(_ path: String, _ arguments: [String], _ environment: [String: String], limit: Duration) throws -> ChildRun {
        let out = try makePipe()
        let err = try makePipe()
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, out.write, 1)
        posix_spawn_file_actions_adddup2(&actions, err.write, 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        close(out.write)
        close(err.write)
        guard spawned == 0 else {
            close(out.read)
            close(err.read)
            throw SpawnFailed(call: "posix_spawn", code: spawned)
        }
        let memory = ChildPeakMemory(pid: pid)
        let watch = Watchdog(pid: pid)
        DispatchQueue.global().asyncAfter(deadline: .now() + limit.timeInterval) { watch.killIfRunning() }
        let readers = DispatchGroup()
        let stdout = OutputSink()
        let stderr = OutputSink()
        for (fd, sink) in [(out.read, stdout), (err.read, stderr)] {
            DispatchQueue.global().async(group: readers) {
                sink.drain(fd)
                close(fd)
            }
        }
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
        let killed = watch.exited()
        let ownPeak = memory.stop()
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        readers.wait()
        let signal = status & 0x7f
        return ChildRun(
            status: signal == 0 ? (status >> 8) & 0xff : 128 + signal,
            stdout: stdout.text,
            stderr: stderr.text,
            peakRSS: ownPeak ?? Int(usage.ru_maxrss) * rssUnit,
            killed: killed
        )
    }

    /// The unit of `ru_maxrss`: bytes on Darwin, kilobytes on Linux.
    #if canImport(Darwin)
    private static let rssUnit = 1
    #else
    private static let rssUnit = 1024
    #endif

    /// A pipe whose ends are closed in every other child this process spawns.
    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw SpawnFailed(call: "pipe", code: errno) }
        for fd in fds {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        return (fds[0], fds[1])
    }
}

/// Lets a few `kafka-rest` children run at once, so that the suite's CLI runs do not crowd the
/// test process, and the timing-sensitive tests running in it, off a small machine's cores.
private actor ChildSlots {
    /// The most children at once.
    static let limit = 4
    static let shared = ChildSlots()

    private var free = limit
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Waits for a free slot and takes it.
    func acquire() async {
        guard free == 0 else {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the slot to the longest waiter, or frees it.
    func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

/// Kills a child past its time limit, but never after it has exited (its id could be reused).
private final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private let pid: pid_t
    private var done = false
    private var fired = false

    init(pid: pid_t) {
        self.pid = pid
    }

    /// Sends `SIGKILL` unless the child has exited.
    func killIfRunning() {
        lock.withLock {
            guard !done else { return }
            fired = true
            _ = kill(pid, SIGKILL)
        }
    }

    /// Marks the child exited (not yet reaped); returns whether it had been killed.
    func exited() -> Bool {
        lock.withLock {
            done = true
            return fired
        }
    }
}

/// Collects what a child writes to one pipe, up to ``KafkaRESTChild/outputLimit`` bytes.
private final class OutputSink: @unchecked Sendable {
    private var bytes: [UInt8] = []

    /// Reads `fd` to its end.
    func drain(_ fd: Int32) {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = read(fd, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            bytes += chunk.prefix(min(count, max(KafkaRESTChild.outputLimit - bytes.count, 0)))
        }
    }

    /// The bytes read, as UTF-8.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}

private extension Duration {
    /// The duration in seconds.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
