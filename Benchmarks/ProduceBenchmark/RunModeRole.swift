import Foundation
import KafkaREST

/// The hidden `--run-mode` role: builds a client for the server at `address`, runs `mode`, and
/// prints its ``Measurement`` (with this process's peak RSS) as one JSON line.
func runMode(_ mode: ProduceMode, server address: ServerAddress, arguments: BenchmarkArguments) async throws {
    let transport = AsyncHTTPClientTransport(baseURL: address.baseURL, timeouts: Timeouts(connect: .seconds(5), request: .seconds(120)))
    let measurement: Measurement
    do {
        measurement = try await measure(records: mode.records(arguments)) {
            try await mode.produce(arguments, transport: transport, path: address.recordsPath)
        }
    } catch {
        try? await transport.shutdown()
        throw error
    }
    try await transport.shutdown()
    try writeJSONLine(measurement)
}
