import Foundation
@testable import KafkaREST
import KafkaRESTTesting
import Testing

/// Streamed produce requests through the transport (and the middleware chain) against the
/// test server's streaming route, over real loopback connections, without a producer:
/// records are written by hand and reports read one by one.
@Suite("StreamingProduce: streamed requests and streaming route")
struct StreamingProduceTransportTests {
    /// Reads reports from `iterator` until `count` have arrived.
    static func reports(
        _ count: Int,
        from iterator: inout AsyncThrowingStream<Data, any Error>.Iterator,
        splitter: inout ConcatenatedJSONSplitter
    ) async throws -> [ProduceResponse] {
        var objects: [Data] = []
        while objects.count < count {
            guard let chunk = try await iterator.next() else { break }
            objects += try splitter.feed(chunk)
        }
        return try objects.map { try JSONDecoder().decode(ProduceResponse.self, from: $0) }
    }

    static func record(_ value: String, partition: Int? = nil) -> Data {
        let partitionField = partition.map { #""partition_id":\#($0),"# } ?? ""
        return Data(#"{\#(partitionField)"value":{"type":"STRING","data":"\#(value)"}}"#.utf8)
    }

    @Test("full duplex: each record's report arrives before the next record is written, and the response ends with the body")
    func fullDuplex() async throws {
        try await withStreamingServer(partitions: 2) { server, transport in
            let body = BodyStream()
            let response = try await transport.openProduceStream(path: streamingPath(server), body: body)
            var iterator = response.makeAsyncIterator()
            var splitter = ConcatenatedJSONSplitter()
            for index in 0..<20 {
                body.write { $0.append(contentsOf: Self.record("r-\(index)", partition: index % 2)) }
                let reports = try await Self.reports(1, from: &iterator, splitter: &splitter)
                #expect(reports.count == 1)
                #expect(reports.first?.errorCode == 200)
                #expect(reports.first?.partitionID == Int32(index % 2))
                #expect(reports.first?.offset == Int64(index / 2))
            }
            body.finish()
            #expect(try await iterator.next() == nil)
            #expect(server.records(topic: "events", partition: 1).compactMap(storedValue) == (0..<10).map { "r-\($0 * 2 + 1)" })
            let statistics = server.streamStatistics
            #expect(statistics.streamsOpened == 1)
            #expect(statistics.streamsOpen == 0)
            #expect(statistics.maxInFlight == 1)
            #expect(statistics.recordsReceived == 20)
            #expect(statistics.reportsSent == 20)
            let recorded = try #require(server.requests.last)
            #expect(recorded.operationID == "produceRecord")
            #expect(recorded.headers["Transfer-Encoding"] == "chunked")
            #expect(recorded.headers["Content-Type"] == "application/json")
        }
    }

    @Test("a stream through the middleware chain carries the credentials and is logged like any call")
    func streamThroughTheChain() async throws {
        try await withStreamingServer { server, transport in
            let provider = SequenceTokenProvider(["stream-token"])
            let chain = MiddlewareTransport(transport: transport, middlewares: [
                try CredentialsMiddleware(credentials: .bearer(provider), baseURL: server.baseURL, allowsCredentialsOverPlainHTTP: true),
            ])
            let body = BodyStream()
            let response = try await chain.openProduceStream(path: streamingPath(server), body: body)
            body.write { $0.append(contentsOf: Self.record("x")) }
            body.finish()
            var splitter = ConcatenatedJSONSplitter()
            var iterator = response.makeAsyncIterator()
            let reports = try await Self.reports(1, from: &iterator, splitter: &splitter)
            #expect(reports.first?.errorCode == 200)
            #expect(await provider.calls == [false])
            #expect(server.requests.last?.headers["Authorization"] == "Bearer stream-token")
        }
    }

    @Test("per-record errors, 408 from a chosen record on, and unparsable records each get their own report")
    func recordFaults() async throws {
        try await withStreamingServer(partitions: 2) { server, transport in
            server.setStreamFaults(StreamFaults(
                recordError: { $0.index == 2 ? StreamFaults.RecordError(code: 500) : nil },
                tooLongAfterRecords: 6
            ))
            let body = BodyStream()
            let response = try await transport.openProduceStream(path: streamingPath(server), body: body)
            var chunk = Data()
            for index in 0..<8 {
                switch index {
                case 3: chunk += Data(#"{"partition_id":"one"}"#.utf8)
                case 4: chunk += Self.record("r-4", partition: 9)
                default: chunk += Self.record("r-\(index)")
                }
            }
            body.write { $0.append(contentsOf: chunk) }
            body.finish()
            var iterator = response.makeAsyncIterator()
            var splitter = ConcatenatedJSONSplitter()
            let reports = try await Self.reports(8, from: &iterator, splitter: &splitter)
            #expect(reports.map(\.errorCode) == [200, 200, 500, 400, 404, 200, 408, 408])
            #expect(try await iterator.next() == nil)
            #expect(server.records(topic: "events").compactMap(storedValue).sorted() == ["r-0", "r-1", "r-5"])
        }
    }

    @Test("closing mid-stream: reports up to the close point, withheld ones stored but unreported, then a transport failure")
    func abruptClose() async throws {
        try await withStreamingServer { server, transport in
            server.setStreamFaults(.closeStream(afterRecords: 3, withholding: 1))
            let body = BodyStream()
            let response = try await transport.openProduceStream(path: streamingPath(server), body: body)
            body.write { $0.append(contentsOf: (0..<5).map { Self.record("r-\($0)") }.reduce(Data(), +)) }
            var received: [ProduceResponse] = []
            var splitter = ConcatenatedJSONSplitter()
            let failure = await #expect(throws: TransportFailure.self) {
                for try await chunk in response {
                    received += try splitter.feed(chunk).map { try JSONDecoder().decode(ProduceResponse.self, from: $0) }
                }
            }
            body.finish()
            #expect(failure?.phase == .awaitingResponse)
            #expect(received.map(\.offset) == [0, 1])
            #expect(server.records(topic: "events").compactMap(storedValue) == ["r-0", "r-1", "r-2"])
            #expect(server.streamStatistics.streamsOpen == 0)
        }
    }

    @Test("a refused stream throws the KafkaRESTError of its answer: credentials, topic, injected status, Retry-After")
    func refusals() async throws {
        try await withStreamingServer(credentials: (key: "key", secret: "secret")) { server, transport in
            func open(_ transport: any APITransport, topic: String = "events") async throws {
                let body = BodyStream()
                body.write { $0.append(contentsOf: Self.record("x")) }
                defer { body.finish() }
                _ = try await transport.openProduceStream(path: streamingPath(server, topic: topic), body: body)
            }
            let anonymous = try await #require(throws: KafkaRESTError.self) { try await open(transport) }
            #expect(anonymous.kind == .http)
            #expect(anonymous.status == 401)
            #expect(anonymous.errorCode == 40101)
            #expect(anonymous.operationID == "produceRecord")

            let authorized = MiddlewareTransport(transport: transport, middlewares: [
                try CredentialsMiddleware(
                    credentials: .apiKey(key: "key", secret: "secret"),
                    baseURL: server.baseURL,
                    allowsCredentialsOverPlainHTTP: true
                ),
            ])
            let unknownTopic = try await #require(throws: KafkaRESTError.self) { try await open(authorized, topic: "missing") }
            #expect(unknownTopic.status == 404)
            #expect(unknownTopic.errorCode == 40403)

            server.inject(.status(503, errorCode: 50301, message: "busy"), matching: "produceRecord")
            let busy = try await #require(throws: KafkaRESTError.self) { try await open(authorized) }
            #expect(busy.status == 503)
            #expect(busy.message == "busy")
            #expect(busy.isRetryable)

            server.inject(.retryAfter(seconds: 2), matching: "produceRecord")
            let limited = try await #require(throws: KafkaRESTError.self) { try await open(authorized) }
            #expect(limited.status == 429)
            #expect(limited.retryAfter == .seconds(2))

            try await open(authorized)
            #expect(server.requests.last?.headers["Authorization"] == "Basic a2V5OnNlY3JldA==")
            #expect(server.streamStatistics.streamsOpened == 1)
        }
    }

    @Test("a refused connection is a TransportFailure while connecting")
    func connectionRefused() async throws {
        let server = try await KafkaRESTTestServer.start()
        let baseURL = server.baseURL
        try await server.stop()
        try await withTransport(baseURL: baseURL) { transport in
            let body = BodyStream()
            defer { body.finish() }
            let failure = await #expect(throws: TransportFailure.self) {
                _ = try await transport.openProduceStream(path: "/clusters/test-cluster/topics/events/records", body: body)
            }
            #expect(failure?.phase == .connecting)
        }
    }
}
