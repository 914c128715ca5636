import Foundation
import Testing

/// A `kafka-rest serve` child process of the built executable, started and stopped by a test.
final class ServeProcess: @unchecked Sendable {
    /// The endpoint it printed (`KAFKA_REST_ENDPOINT=…`), such as `http://127.0.0.1:40123/v3`.
    let endpoint: String
    /// The cluster id it printed (`KAFKA_REST_CLUSTER_ID=…`).
    let clusterID: String
    /// The port of ``endpoint``.
    let port: Int

    private let process: Process
    private let stdout: Capture
    private let stderr: Capture

    private init(process: Process, stdout: Capture, stderr: Capture, endpoint: String, clusterID: String) {
        self.process = process
        self.stdout = stdout
        self.stderr = stderr
        self.endpoint = endpoint
        self.clusterID = clusterID
        port = URLComponents(string: endpoint)?.port ?? 0
    }

    /// Standard error so far.
    var errorOutput: String { stderr.value }

    /// Starts `kafka-rest serve arguments` in `directory` and waits up to 20 seconds for the
    /// endpoint and cluster id lines.
    ///
    /// - Throws: When the process cannot start, or exits or stays silent before printing them
    ///   (it is killed then).
    static func start(_ url: URL, _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil) async throws -> ServeProcess {
        let process = Process()
        process.executableURL = url
        process.arguments = ["serve"] + arguments
        process.environment = isolated(environment)
        if let directory {
            process.currentDirectoryURL = directory
        }
        let stdout = Capture()
        let stderr = Capture()
        let outPipe = Pipe()
        let errPipe = Pipe()
        outPipe.fileHandleForReading.readabilityHandler = { stdout.append(String(decoding: $0.availableData, as: UTF8.self)) }
        errPipe.fileHandleForReading.readabilityHandler = { stderr.append(String(decoding: $0.availableData, as: UTF8.self)) }
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline, process.isRunning {
            let lines = stdout.value.split(separator: "\n").map(String.init)
            if let endpoint = Self.value("KAFKA_REST_ENDPOINT", in: lines), let cluster = Self.value("KAFKA_REST_CLUSTER_ID", in: lines) {
                return ServeProcess(process: process, stdout: stdout, stderr: stderr, endpoint: endpoint, clusterID: cluster)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        await waitForExit(process)
        throw ServeFailure(message: "kafka-rest serve printed no endpoint; stdout: \(stdout.value) stderr: \(stderr.value)")
    }

    /// Sends `signal` and waits up to 10 seconds for the exit (then kills it); returns the
    /// exit status and everything written to standard error.
    @discardableResult
    func stop(signal: Int32 = SIGINT) async -> (status: Int32, stderr: String) {
        if process.isRunning {
            kill(process.processIdentifier, signal)
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning {
            Issue.record("kafka-rest serve did not stop on signal \(signal)")
            kill(process.processIdentifier, SIGKILL)
        }
        await Self.waitForExit(process)
        try? await Task.sleep(for: .milliseconds(50))
        return (process.terminationStatus, stderr.value)
    }

    /// The value of `name=value` among `lines`.
    private static func value(_ name: String, in lines: [String]) -> String? {
        lines.first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
    }

    /// Waits on a dispatch thread until `process` has exited.
    private static func waitForExit(_ process: Process) async {
        let box = ProcessBox(process: process)
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                box.process.waitUntilExit()
                continuation.resume()
            }
        }
    }
}

/// A process handed to the dispatch thread that waits for it.
private struct ProcessBox: @unchecked Sendable {
    let process: Process
}

/// `kafka-rest serve` did not come up.
struct ServeFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Starts `kafka-rest serve arguments`, runs `body` with the executable and the process, and
/// stops it (SIGINT) also when `body` throws; skips with a message when the executable was
/// not built.
func withServeProcess(
    _ arguments: [String],
    environment: [String: String] = [:],
    directory: URL? = nil,
    _ body: (URL, ServeProcess) async throws -> Void
) async throws {
    guard let url = BuiltBinary.url else {
        print("skipped: kafka-rest executable not found next to the tests or in .build/debug")
        return
    }
    let serve = try await ServeProcess.start(url, arguments, environment: environment, directory: directory)
    do {
        try await body(url, serve)
        await serve.stop()
    } catch {
        await serve.stop()
        throw error
    }
}
