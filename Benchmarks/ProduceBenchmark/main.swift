// Streaming produce vs one request per record (and concatenated batches) against an
// in-process KafkaRESTTestServer on 127.0.0.1. Built in release mode and run by
// Benchmarks/produce.sh; `--help` lists the arguments.
import Foundation
import KafkaREST
import KafkaRESTTesting

guard let arguments = BenchmarkArguments.parse(Array(CommandLine.arguments.dropFirst())) else {
    exit(2)
}

let server = try await KafkaRESTTestServer.start()
server.createTopic("bench", partitionsCount: arguments.partitions)
let transport = AsyncHTTPClientTransport(baseURL: server.baseURL, timeouts: Timeouts(connect: .seconds(5), request: .seconds(120)))
let path = "/clusters/\(server.clusterID)/topics/bench/records"
let baseline = peakResidentMebibytes()

var measurements: [Measurement] = []
measurements.append(try await measure("one request per record, \(arguments.concurrency) in flight", records: arguments.requestRecords) {
    try await produceOnePerRequest(count: arguments.requestRecords, transport: transport, path: path, concurrency: arguments.concurrency)
})
if arguments.batchRecords > 0 {
    measurements.append(try await measure("batches of \(arguments.batchSize), \(arguments.concurrency) in flight", records: arguments.batchRecords) {
        try await produceBatches(
            count: arguments.batchRecords,
            size: arguments.batchSize,
            transport: transport,
            path: path,
            concurrency: arguments.concurrency
        )
    })
}
measurements.append(try await measure("streaming, window \(arguments.window), \(arguments.streams) stream(s)", records: arguments.streamingRecords) {
    try await produceStreaming(
        count: arguments.streamingRecords,
        transport: transport,
        path: path,
        window: arguments.window,
        streams: arguments.streams
    )
})
let statistics = server.streamStatistics
try await transport.shutdown()
try await server.stop()

print(BenchmarkReport(measurements: measurements, baselineMebibytes: baseline, statistics: statistics).text)
if measurements.contains(where: { $0.delivered != $0.records }) {
    exit(1)
}
