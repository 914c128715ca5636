import Foundation
import KafkaRESTTesting
import Testing

/// Runs the built `kafka-rest` executable as a child process.
enum BuiltBinary {
    /// The executable next to the test bundle, or in `.build/debug` of the package; `nil` if
    /// it was not built.
    static let url: URL? = {
        let fileManager = FileManager.default
        var candidates = [
            Bundle.main.bundleURL.appendingPathComponent("kafka-rest"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("kafka-rest"),
        ]
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/kafka-rest"))
        return candidates.first { fileManager.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs the executable with `arguments` and exactly `environment` (plus
    /// ``isolatedConfigHome`` when it names no `XDG_CONFIG_HOME`); returns its status and
    /// output. The blocking reads and the wait run on dispatch threads, so no Swift
    /// concurrency thread is held while the child runs.
    static func run(_ url: URL, _ arguments: [String], environment: [String: String]) async throws -> CLIRun {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = isolated(environment)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        async let stdout = offThread { out.fileHandleForReading.readDataToEndOfFile() }
        async let stderr = offThread { err.fileHandleForReading.readDataToEndOfFile() }
        let output = await (stdout, stderr)
        let status = await offThread {
            process.waitUntilExit()
            return process.terminationStatus
        }
        return CLIRun(status: status, stdout: String(decoding: output.0, as: UTF8.self), stderr: String(decoding: output.1, as: UTF8.self))
    }

    private static func offThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}

@Suite("kafka-rest executable")
struct BinaryTests {
    @Test("--help exits 0 and documents the exit statuses")
    func help() async throws {
        guard let url = BuiltBinary.url else {
            print("skipped: kafka-rest executable not found next to the tests or in .build/debug")
            return
        }
        let run = try await BuiltBinary.run(url, ["--help"], environment: [:])
        #expect(run.status == 0)
        #expect(run.stdout.contains("EXIT STATUS"))
        #expect(run.stdout.contains("KAFKA_REST_ENDPOINT"))
    }

    @Test("topics list against a test server prints JSON when piped; errors exit non-zero")
    func topicsList() async throws {
        guard let url = BuiltBinary.url else {
            print("skipped: kafka-rest executable not found next to the tests or in .build/debug")
            return
        }
        try await withServer { server, env in
            server.createTopic("orders", partitionsCount: 4)
            var piped = env
            piped["KAFKA_REST_OUTPUT"] = nil
            let run = try await BuiltBinary.run(url, ["topics", "list"], environment: piped)
            #expect(run.status == 0, "\(run.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            #expect(object?["topic_name"] as? String == "orders")
            #expect(object?["partitions_count"] as? Int == 4)

            let missing = try await BuiltBinary.run(url, ["topics", "describe", "nope"], environment: env)
            #expect(missing.status == 3)
            #expect(!missing.allOutput.contains(TestCredentials.secret))
        }
    }
}
