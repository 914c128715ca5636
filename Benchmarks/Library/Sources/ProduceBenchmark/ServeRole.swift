import Foundation
import KafkaRESTTesting

/// The hidden `--serve` role: starts a ``KafkaRESTTestServer`` on 127.0.0.1 with the benchmark
/// topic, prints its ``ServerAddress`` as one JSON line, serves until standard input closes
/// (the parent closes it, or exits), then prints a ``ServerSummary`` line and stops.
func serve(_ arguments: BenchmarkArguments) async throws {
    let server = try await KafkaRESTTestServer.start()
    server.createTopic(benchmarkTopic, partitionsCount: arguments.partitions)
    try writeJSONLine(ServerAddress(baseURL: server.baseURL, clusterID: server.clusterID, topic: benchmarkTopic))
    await standardInputClosed()
    let statistics = server.streamStatistics
    let stored = (0..<arguments.partitions).reduce(0) { $0 + server.records(topic: benchmarkTopic, partition: $1).count }
    try await server.stop()
    try writeJSONLine(ServerSummary(
        connections: nil,
        requests: nil,
        streamsOpened: statistics.streamsOpened,
        records: stored,
        maxInFlight: statistics.maxInFlight,
        cpuSeconds: ownCPUSeconds(),
        peakMebibytes: peakResidentMebibytes()
    ))
}

/// The topic every mode produces to.
private let benchmarkTopic = "bench"

/// Returns once standard input reaches its end; the blocking read runs on a dispatch queue.
private func standardInputClosed() async {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async {
            _ = FileHandle.standardInput.readDataToEndOfFile()
            continuation.resume()
        }
    }
}
