import Foundation

/// A child process started with `posix_spawn`: this executable again with hidden arguments, or
/// curl or the CLI. Its standard output is a pipe the parent reads, its standard input a pipe
/// (closing it stops a server child) or a file, its standard error the parent's. Waiting for it
/// with `wait4` gives its own CPU time and peak RSS.
///
/// Every call blocks; the parent runs them from plain synchronous code.
final class ChildProcess {
    /// Where the child's standard input comes from.
    enum Input {
        /// A pipe the parent holds until ``closeInput()``.
        case pipe
        /// A file, read from its start.
        case file(String)
    }

    /// The child's name in error messages.
    let name: String
    private let pid: pid_t
    private var input: Int32?
    private let output: Int32
    private let children: RunningChildren
    /// Output read past the last line returned.
    private var pending: [UInt8] = []

    /// Starts `executable` with `arguments`, the parent's environment plus `environment`, and
    /// the stopping signals at their default actions; adds it to `children` until it has been
    /// waited for.
    init(
        _ name: String,
        executable: String,
        arguments: [String],
        environment: [String: String] = [:],
        input source: Input = .pipe,
        children: RunningChildren
    ) throws {
        self.name = name
        self.children = children
        let outputPipe = try pipeWithoutInheritance()
        var inputPipe: (read: Int32, write: Int32)?
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
            close(outputPipe.write)
            if let inputPipe {
                close(inputPipe.read)
            }
        }
        switch source {
        case .pipe:
            let pipe = try pipeWithoutInheritance()
            inputPipe = pipe
            posix_spawn_file_actions_adddup2(&actions, pipe.read, STDIN_FILENO)
        case let .file(path):
            posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, path, O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, outputPipe.write, STDOUT_FILENO)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        stoppingSignals.forEach { sigaddset(&defaults, $0) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        var pid: pid_t = 0
        let status = withCStrings([executable] + arguments) { argv in
            withCStrings(merged.map { "\($0.key)=\($0.value)" }) { envp in
                posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            }
        }
        guard status == 0 else {
            close(outputPipe.read)
            if let inputPipe {
                close(inputPipe.write)
            }
            throw ChildFailure.notStarted(child: name, reason: String(cString: strerror(status)))
        }
        self.pid = pid
        output = outputPipe.read
        input = inputPipe?.write
        children.add(pid)
    }

    deinit {
        close(output)
        closeInput()
    }

    /// Reads the child's next line of output as JSON.
    func readJSONLine<Value: Decodable>(_ type: Value.Type) throws -> Value {
        guard let line = readLine() else {
            throw ChildFailure.noOutput(child: name, status: waitForExit().status)
        }
        do {
            return try JSONDecoder().decode(type, from: Data(line))
        } catch {
            throw ChildFailure.malformedOutput(child: name, line: String(decoding: line, as: UTF8.self))
        }
    }

    /// Reads the child's output to its end and returns how often `needle` occurs in it.
    func countInOutput(_ needle: [UInt8]) -> Int {
        var counter = NeedleCounter(needle)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(output, &buffer, buffer.count)
            if count < 0, errno == EINTR {
                continue
            }
            guard count > 0 else {
                return counter.count
            }
            buffer.withUnsafeBufferPointer { counter.feed(UnsafeBufferPointer(rebasing: $0[..<count])) }
        }
    }

    /// Closes the child's standard input: the server child's cue to stop.
    func closeInput() {
        if let input {
            close(input)
        }
        input = nil
    }

    /// Waits for the child to end, and returns its CPU time and peak RSS; throws unless it
    /// exited with status 0.
    @discardableResult
    func waitForSuccess() throws -> ResourceUsage {
        let (status, usage) = waitForExit()
        guard status == 0 else {
            throw ChildFailure.failed(child: name, status: status)
        }
        return usage
    }

    /// Waits for the child to end; returns its exit status (128 + the signal that ended it) and usage.
    private func waitForExit() -> (status: Int32, usage: ResourceUsage) {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        children.remove(pid)
        let signal = status & 0x7F
        return (signal == 0 ? (status >> 8) & 0xFF : 128 + signal, ResourceUsage(usage))
    }

    /// The next line of output without its newline; `nil` once the output ends.
    private func readLine() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                return line
            }
            let count = read(output, &buffer, buffer.count)
            if count < 0, errno == EINTR {
                continue
            }
            guard count > 0 else {
                return nil
            }
            pending.append(contentsOf: buffer[..<count])
        }
    }
}

/// A pipe whose ends close on `exec`, so that only the child given an end (by `dup2`) holds it.
private func pipeWithoutInheritance() throws -> (read: Int32, write: Int32) {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0, fcntl(ends[0], F_SETFD, FD_CLOEXEC) == 0, fcntl(ends[1], F_SETFD, FD_CLOEXEC) == 0 else {
        throw SocketError("pipe")
    }
    return (ends[0], ends[1])
}

/// Calls `body` with `strings` as a null-terminated C array, valid during the call only.
private func withCStrings<Result>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> Result) -> Result {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}
