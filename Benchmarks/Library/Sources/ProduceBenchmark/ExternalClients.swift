import Foundation

/// Runs curl or the CLI (modes `.curl` and `.cli`) as a client child of the parent, reading
/// `file`, and returns its figures: records delivered counted in its output, the time from its
/// start to its exit, and its `wait4` usage.
func runExternalClient(
    _ mode: ProduceMode,
    file: NDJSONFile?,
    server address: ServerAddress,
    arguments: BenchmarkArguments,
    children: RunningChildren
) throws -> Measurement {
    guard let file else {
        throw ChildFailure.notStarted(child: mode.name, reason: "no NDJSON file")
    }
    let executable: String
    let commandLine: [String]
    var environment: [String: String] = [:]
    let delivered: [UInt8]
    switch mode {
    case .cli:
        guard let cliPath = arguments.cliPath else {
            throw ChildFailure.notStarted(child: mode.name, reason: "no --cli path")
        }
        executable = cliPath
        commandLine = ["produce", address.topic, "--file", file.path, "--output", "json"]
        environment = ["KAFKA_REST_ENDPOINT": address.baseURL.absoluteString, "KAFKA_REST_CLUSTER_ID": address.clusterID]
        delivered = Array(#""delivered""#.utf8)
    default:
        executable = arguments.curlPath
        commandLine = ["-sS", "-X", "POST", "-T", "-", "-H", "Content-Type: application/json", "-H", "Expect:", address.recordsURL]
        delivered = Array(#""error_code":200"#.utf8)
    }
    let start = ContinuousClock.now
    let client = try ChildProcess("\(mode.name) client", executable: executable, arguments: commandLine, environment: environment, input: .file(file.path), children: children)
    let count = client.countInOutput(delivered)
    let usage = try client.waitForSuccess()
    let result = ModeResult(records: arguments.cliRecords, delivered: count, seconds: seconds(start.duration(to: .now)))
    return Measurement(result: result, usage: usage)
}
