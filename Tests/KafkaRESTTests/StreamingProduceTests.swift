import Foundation
import KafkaREST
import KafkaRESTTesting
import Testing
import TransportDoubles

/// `StreamingProducer` over `AsyncHTTPClientTransport` against the test server's streaming
/// route, on loopback.
@Suite("StreamingProduce: producer end to end")
struct StreamingProduceTests {
    @Test("reports come back in order over one stream, each delivered where the server stored it")
    func inOrder() async throws {
        try await withStreamingServer(partitions: 3) { server, transport in
            let records = streamingRecords(300) { Int32($0 % 3) }
            let results = try await streamAll(
                records,
                transport: transport,
                path: streamingPath(server),
                options: streamingOptions(maxInFlight: 50)
            )
            #expect(results.map(\.index) == Array(records.indices))
            for result in results {
                let report = try #require(result.outcome.asDelivered, "record \(result.index): \(result.outcome)")
                #expect(report.partition == Int32(result.index % 3))
                #expect(report.offset == Int64(result.index / 3))
                let stored = server.records(topic: "events", partition: Int(report.partition))[Int(report.offset)]
                #expect(storedValue(stored) == "r-\(result.index)")
            }
            #expect(server.streamStatistics.streamsOpened == 1)
            #expect(server.records(topic: "events").count == 300)
        }
    }

    @Test("per-record errors are surfaced on their own records and not resent")
    func perRecordErrors() async throws {
        try await withStreamingServer { server, transport in
            server.setStreamFaults(.recordError(code: 400, every: 4))
            var records = streamingRecords(20)
            records[5].partition = 9
            let results = try await streamAll(
                records,
                transport: transport,
                path: streamingPath(server),
                options: streamingOptions()
            ).sorted { $0.index < $1.index }
            for result in results {
                switch result.index {
                case 5:
                    #expect(result.outcome.asFailed?.status == 404)
                case let index where index % 4 == 3:
                    let error = try #require(result.outcome.asFailed)
                    #expect(error.kind == .http)
                    #expect(error.status == 400)
                    #expect(error.errorCode == 400)
                    #expect(error.message.contains("error code 400"))
                default:
                    #expect(result.outcome.asDelivered != nil, "record \(result.index): \(result.outcome)")
                }
            }
            #expect(server.records(topic: "events").count == 14)
            #expect(server.streamStatistics.recordsReceived == 20)
        }
    }

    @Test("records answered 429 are resent and end delivered, each stored once")
    func resendsRateLimited() async throws {
        try await withStreamingServer { server, transport in
            server.setStreamFaults(.recordError(code: 429) { $0.sequence < 12 && $0.sequence % 3 == 0 })
            let records = streamingRecords(30)
            let results = try await streamAll(
                records,
                transport: transport,
                path: streamingPath(server),
                options: streamingOptions(maxInFlight: 10)
            )
            #expect(results.allSatisfy { $0.outcome.asDelivered != nil })
            let stored = server.records(topic: "events").compactMap(storedValue)
            #expect(stored.sorted() == records.indices.map { "r-\($0)" }.sorted())
            #expect(server.streamStatistics.recordsReceived == 34, "4 records were answered 429 once each")
            for result in results {
                let report = try #require(result.outcome.asDelivered)
                #expect(stored[Int(report.offset)] == "r-\(result.index)")
            }
        }
    }

    @Test("408 (stream open too long) moves the rest to a new stream, keeping their order")
    func rotatesOnTooLong() async throws {
        try await withStreamingServer { server, transport in
            server.setStreamFaults { stream in stream == 0 ? .streamTooLong(afterRecords: 5) : .none }
            let records = streamingRecords(20)
            let results = try await streamAll(
                records,
                transport: transport,
                path: streamingPath(server),
                options: streamingOptions()
            )
            #expect(results.allSatisfy { $0.outcome.asDelivered != nil })
            #expect(server.records(topic: "events").compactMap(storedValue) == records.indices.map { "r-\($0)" })
            #expect(server.streamStatistics.streamsOpened == 2)
            try await Self.waitUntil { server.streamStatistics.streamsOpen == 0 }
        }
    }

    @Test("the server never holds more records in flight than the producer's window")
    func inFlightBound() async throws {
        try await withStreamingServer { server, transport in
            server.setStreamFaults(.recordDelay(.milliseconds(2)))
            let results = try await streamAll(
                streamingRecords(60),
                transport: transport,
                path: streamingPath(server),
                options: streamingOptions(maxInFlight: 8)
            )
            #expect(results.allSatisfy { $0.outcome.asDelivered != nil })
            let statistics = server.streamStatistics
            #expect(statistics.maxInFlight <= 8)
            #expect(statistics.maxInFlight >= 2, "records were pipelined, not sent one at a time")
        }
    }

    @Test("send(contentsOf:) hands over batches larger than the window: each record reported once, in order, stored once, the window kept; after finish it throws and takes nothing")
    func sendContentsOf() async throws {
        try await withStreamingServer { server, transport in
            let producer = StreamingProducer(transport: transport, path: streamingPath(server), options: streamingOptions(maxInFlight: 16))
            let collected = Task {
                var results: [ProduceResult] = []
                for await result in producer.results { results.append(result) }
                return results
            }
            let records = streamingRecords(700)
            try await producer.send(contentsOf: records[..<600])
            #expect(producer.acceptedRecords == 600)
            try await producer.send(contentsOf: records[600...])
            await producer.finish()
            await #expect(throws: KafkaRESTError.self) { try await producer.send(contentsOf: records[..<3]) }
            #expect(producer.acceptedRecords == 700)
            let results = await collected.value
            #expect(results.map(\.index) == Array(records.indices))
            #expect(results.allSatisfy { $0.outcome.asDelivered != nil })
            #expect(server.records(topic: "events").map(storedValue) == records.indices.map { "r-\($0)" })
            #expect(server.streamStatistics.maxInFlight <= 16)
        }
    }

    @Test("cancelling the producer ends the stream promptly and reports every remaining record")
    func cancellation() async throws {
        try await withStreamingServer { server, transport in
            // Reports come 50 ms apart: waiting for the other 197 would take about 10 s.
            server.setStreamFaults(.recordDelay(.milliseconds(50)))
            let producer = StreamingProducer(
                transport: transport,
                path: streamingPath(server),
                options: streamingOptions(maxInFlight: 10)
            )
            let sender = Task {
                var accepted = 0
                for record in streamingRecords(200) {
                    do {
                        try await producer.send(record)
                        accepted += 1
                    } catch {
                        break
                    }
                }
                return accepted
            }
            var results: [ProduceResult] = []
            var cancelledAt: ContinuousClock.Instant?
            for await result in producer.results {
                results.append(result)
                if results.count == 3 {
                    // Cancel with records on the wire: the server holds some without a report
                    // (however slowly a loaded machine runs the sender).
                    try await Self.waitUntil {
                        let statistics = server.streamStatistics
                        return statistics.recordsReceived >= statistics.reportsSent + 3
                    }
                    cancelledAt = .now
                    producer.cancel()
                }
            }
            let ended = try #require(cancelledAt).duration(to: .now)
            let accepted = await sender.value
            #expect(ended < .seconds(3), "the results ended \(ended) after cancel()")
            #expect(results.map(\.index).sorted() == Array(0..<accepted))
            #expect(accepted < 200)
            #expect(results.prefix(3).allSatisfy { $0.outcome.asDelivered != nil })
            #expect(results.contains { $0.outcome.asDelivered == nil }, "cancelling left records undelivered")
            #expect(results.contains { $0.outcome.wasUnknown }, "records written to the stream are unknown")
            try await Self.waitUntil { server.streamStatistics.streamsOpen == 0 }
            let stored = Set(server.records(topic: "events").compactMap(storedValue))
            let delivered = results.filter { $0.outcome.asDelivered != nil }.map { "r-\($0.index)" }
            #expect(delivered.allSatisfy(stored.contains), "a record reported delivered is stored")
            let notDelivered = Set(results.filter { $0.outcome.asFailed != nil }.map { "r-\($0.index)" })
            #expect(stored.allSatisfy { !notDelivered.contains($0) })
        }
    }

    @Test("cancelling the task that reads produce(…) ends it promptly with every record taken reported")
    func taskCancellation() async throws {
        try await withStreamingServer { server, transport in
            // Reports come 50 ms apart: waiting for the other 197 would take about 10 s.
            server.setStreamFaults(.recordDelay(.milliseconds(50)))
            let stream = StreamingProducer.produce(
                streamingRecords(200).async,
                transport: transport,
                path: streamingPath(server),
                options: streamingOptions(maxInFlight: 10)
            )
            let reader = Task {
                var results: [ProduceResult] = []
                do {
                    for try await result in stream {
                        results.append(result)
                    }
                } catch {
                    Issue.record("the stream threw \(error)")
                }
                return results
            }
            try await Self.waitUntil { server.streamStatistics.reportsSent >= 3 }
            let cancelledAt = ContinuousClock.now
            reader.cancel()
            let results = await reader.value
            // Well below the ~10 s the remaining reports would take, with room for a loaded
            // machine running the whole suite in parallel.
            #expect(cancelledAt.duration(to: .now) < .seconds(6))
            #expect(results.map(\.index).sorted() == Array(0..<results.count))
            try await Self.waitUntil { server.streamStatistics.streamsOpen == 0 }
        }
    }

    @Test("KafkaRESTClient.streamingProducer streams with the client's base URL and Basic credentials")
    func clientEntryPoint() async throws {
        try await withIntegrationClient { server, kafka in
            server.createTopic("orders", partitionsCount: 2)
            let producer = try kafka.streamingProducer(topic: "orders", options: streamingOptions())
            let collector = Task {
                var results: [ProduceResult] = []
                for await result in producer.results {
                    results.append(result)
                }
                return results
            }
            for record in streamingRecords(10) {
                try await producer.send(record)
            }
            await producer.finish()
            let results = await collector.value
            #expect(results.count == 10)
            #expect(results.allSatisfy { $0.outcome.asDelivered != nil })
            #expect(server.records(topic: "orders").count == 10)
            let streamed = try #require(server.requests.last { $0.operationID == "produceRecord" })
            #expect(streamed.path == "/v3/clusters/\(server.clusterID)/topics/orders/records")
            #expect(streamed.headers["Authorization"]?.hasPrefix("Basic ") == true)

            let unconfigured = try KafkaRESTClient(
                configuration: KafkaRESTConfiguration(baseURL: server.baseURL),
                transport: ScriptedTransport()
            )
            #expect(throws: KafkaRESTError.self) { _ = try unconfigured.streamingProducer(topic: "orders") }
        }
    }

    @Test("KafkaRESTClient.produce(sequence, to:) streams a sequence through the client, every record reported in index order")
    func clientSequence() async throws {
        try await withIntegrationClient { server, kafka in
            server.createTopic("orders", partitionsCount: 2)
            var results: [ProduceResult] = []
            for try await result in try kafka.produce(streamingRecords(25).async, to: "orders", options: streamingOptions()) {
                results.append(result)
            }
            #expect(results.map(\.index).sorted() == Array(0..<25))
            #expect(results.allSatisfy { $0.outcome.asDelivered != nil })
            #expect(server.records(topic: "orders").count == 25)
            let streamed = try #require(server.requests.last { $0.operationID == "produceRecord" })
            #expect(streamed.headers["Authorization"]?.hasPrefix("Basic ") == true)
            let unconfigured = try KafkaRESTClient(configuration: KafkaRESTConfiguration(baseURL: server.baseURL), transport: ScriptedTransport())
            #expect(throws: KafkaRESTError.self) { _ = try unconfigured.produce(streamingRecords(1).async, to: "orders") }
        }
    }

    /// Polls `condition` every few milliseconds; records an issue if it does not hold within
    /// 20 seconds (a hang, not slowness: the suites share two cores).
    static func waitUntil(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("the condition did not hold within 20 seconds")
                return
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}
