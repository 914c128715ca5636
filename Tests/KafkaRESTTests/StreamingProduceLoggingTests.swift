import Foundation
import KafkaREST
import KafkaRESTTesting
import Testing

/// What `StreamingProducer` logs about its streams, against the test server on loopback.
@Suite("StreamingProduce: logging")
struct StreamingProduceLoggingTests {
    @Test("a clean run logs the stream opened and ended at debug, and no warning")
    func cleanRun() async throws {
        try await withStreamingServer { server, transport in
            let recorder = LogRecorder()
            let results = try await streamAll(
                streamingRecords(50),
                transport: transport,
                path: streamingPath(server),
                options: streamingOptions(maxInFlight: 20),
                logger: recorder.logger()
            )
            #expect(results.count == 50)
            // A stream's reader logs its end after handing over what the end settled.
            let ended = await recorder.firstLine(where: { $0.hasPrefix("debug produce stream ended") && $0.contains("kafka.stream=1") })
            #expect(ended != nil, "\(recorder.text)")
            #expect(recorder.lines.contains { $0.hasPrefix("debug produce stream opened") && $0.contains("kafka.stream=1") })
            #expect(!recorder.lines.contains { $0.hasPrefix("warning") }, "\(recorder.text)")
        }
    }

    @Test("a stream that breaks with records outstanding is logged at warning, with how many are unknown")
    func brokenStream() async throws {
        try await withStreamingServer { server, transport in
            server.setStreamFaults(.closeStream(afterRecords: 5, withholding: 3))
            let recorder = LogRecorder()
            let results = try await streamAll(
                streamingRecords(20),
                transport: transport,
                path: streamingPath(server),
                options: streamingOptions(maxInFlight: 20),
                logger: recorder.logger()
            )
            let unknown = results.count { if case .unknown = $0.outcome { true } else { false } }
            #expect(unknown > 0)
            let warning = try #require(
                await recorder.firstLine(where: { $0.hasPrefix("warning produce stream ended abnormally") }),
                "\(recorder.text)"
            )
            #expect(warning.contains("kafka.records.unknown="))
            #expect(warning.contains("kafka.stream=1"))
        }
    }
}

private extension LogRecorder {
    /// The first line that satisfies `predicate`, waiting up to 5 seconds for it to be logged.
    func firstLine(where predicate: (String) -> Bool) async -> String? {
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if let line = lines.first(where: predicate) { return line }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return lines.first(where: predicate)
    }
}
