import Foundation
@testable import KafkaRESTCLI
import KafkaRESTTesting
import Testing

/// What one in-process run of `kafka-rest` printed and returned.
struct CLIRun {
    /// The exit status.
    var status: Int32
    /// Everything written to standard output.
    var stdout: String
    /// Everything written to standard error.
    var stderr: String

    /// Standard output and standard error together, for "never shown" checks.
    var allOutput: String { stdout + stderr }

    /// Each non-empty line of standard output parsed as a JSON object.
    func jsonLines() throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(object as? [String: Any], "not a JSON object: \(line)")
        }
    }
}

/// Text written by a command, collected across tasks.
final class Capture: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""

    func append(_ piece: String) {
        lock.lock()
        text += piece
        lock.unlock()
    }

    var value: String {
        lock.lock()
        defer { lock.unlock() }
        return text
    }
}

/// Runs `kafka-rest arguments` in-process with `environment` only (not the process's) and
/// `stdin`, and returns what it printed. Without `XDG_CONFIG_HOME` in `environment` the run
/// sees no config file (``isolatedConfigHome``), whatever the user running the tests saved.
func runCLI(_ arguments: [String], environment: [String: String] = [:], stdin: Data = Data()) async -> CLIRun {
    let out = Capture()
    let err = Capture()
    let console = Console(out: out.append, err: err.append, input: .data(stdin))
    let status = await KafkaRESTCommand.run(
        arguments: arguments,
        context: CLIContext(console: console, environment: isolated(environment))
    )
    return CLIRun(status: status, stdout: out.value, stderr: err.value)
}

/// A config directory that no test creates, so runs that name none read no config file.
let isolatedConfigHome = FileManager.default.temporaryDirectory.appendingPathComponent("kafka-rest-no-config-\(UUID().uuidString)").path

/// `environment` with ``isolatedConfigHome`` as `XDG_CONFIG_HOME` unless it names one.
func isolated(_ environment: [String: String]) -> [String: String] {
    var environment = environment
    if environment["XDG_CONFIG_HOME"] == nil {
        environment["XDG_CONFIG_HOME"] = isolatedConfigHome
    }
    return environment
}

/// Runs `body` with an environment whose `XDG_CONFIG_HOME` and `HOME` are new temporary
/// directories (removed afterwards), and the config file path in that home.
func withConfigHome<T>(_ body: ([String: String], URL) async throws -> T) async throws -> T {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("kafka-rest-home-\(UUID().uuidString)")
    let config = home.appendingPathComponent("xdg")
    try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: home) }
    let file = config.appendingPathComponent("kafka-rest/config.json")
    return try await body(["XDG_CONFIG_HOME": config.path, "HOME": home.path], file)
}

/// The API key and secret the tests' servers require.
enum TestCredentials {
    static let key = "CLI-TEST-KEY"
    static let secret = "cli-Secret-7f3c9a-DO-NOT-PRINT"
}

/// Starts a test server requiring ``TestCredentials``, runs `body` with it and the
/// environment that points `kafka-rest` at it, and stops the server also when `body` throws.
func withServer<T>(_ body: (KafkaRESTTestServer, [String: String]) async throws -> T) async throws -> T {
    let server = try await KafkaRESTTestServer.start(credentials: (TestCredentials.key, TestCredentials.secret))
    do {
        let result = try await body(server, environment(for: server))
        try await server.stop()
        return result
    } catch {
        try? await server.stop()
        throw error
    }
}

/// The environment for a self-managed endpoint at `server` with the test credentials over
/// loopback HTTP, JSON output and no retries.
func environment(for server: KafkaRESTTestServer) -> [String: String] {
    [
        "KAFKA_REST_ENDPOINT": "http://127.0.0.1:\(server.port)",
        "KAFKA_REST_CLUSTER_ID": server.clusterID,
        "KAFKA_REST_API_KEY": TestCredentials.key,
        "KAFKA_REST_API_SECRET": TestCredentials.secret,
        "KAFKA_REST_ALLOW_INSECURE_CREDENTIALS": "1",
        "KAFKA_REST_OUTPUT": "json",
    ]
}
