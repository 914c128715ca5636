import Foundation
import Synchronization

/// The process ids of the children still running, so that every way out of the parent (an
/// error, a signal) can kill them and leave no server behind.
final class RunningChildren: Sendable {
    private let running = Mutex<Set<Int32>>([])

    func add(_ pid: Int32) {
        running.withLock { _ = $0.insert(pid) }
    }

    func remove(_ pid: Int32) {
        running.withLock { _ = $0.remove(pid) }
    }

    /// Kills every child still running with SIGKILL, which no child can ignore.
    func killAll() {
        let pids = running.withLock { running in
            defer { running = [] }
            return running
        }
        for pid in pids {
            kill(pid, SIGKILL)
        }
    }
}
