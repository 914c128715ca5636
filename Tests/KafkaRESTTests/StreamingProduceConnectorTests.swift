import Foundation
import KafkaREST
import KafkaRESTTesting
import Testing

/// The connector and the test server's streaming route, over real loopback connections,
/// without a producer: records are written by hand and reports read one by one.
@Suite("StreamingProduce: connector and streaming route")
struct StreamingProduceConnectorTests {
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
            let (body, input) = AsyncStream<Data>.makeStream()
            let response = try await transport.openStream(path: streamingPath(server), body: body)
            var iterator = response.makeAsyncIterator()
            var splitter = ConcatenatedJSONSplitter()
            for index in 0..<20 {
                input.yield(Self.record("r-\(index)", partition: index % 2))
                let reports = try await Self.reports(1, from: &iterator, splitter: &splitter)
                #expect(reports.count == 1)
                #expect(reports.first?.errorCode == 200)
                #expect(reports.first?.partitionID == Int32(index % 2))
                #expect(reports.first?.offset == Int64(index / 2))
            }
            input.finish()
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

    @Test("only a bearer connector can renew; opening with renewal asks the provider for a fresh token")
    func renewingOpenRefreshesTheToken() async throws {
        try await withStreamingServer { server, transport in
            let provider = SequenceTokenProvider(["fresh-token"])
            let bearer = try AuthorizingProduceStreamConnector(
                transport: transport, credentials: .bearer(provider), allowsCredentialsOverPlainHTTP: true)
            let apiKey = try AuthorizingProduceStreamConnector(
                transport: transport, credentials: .apiKey(key: "k", secret: "s"), allowsCredentialsOverPlainHTTP: true)
            let anonymous = try AuthorizingProduceStreamConnector(transport: transport, credentials: nil)
            #expect(bearer.canRenewCredentials)
            #expect(!apiKey.canRenewCredentials)
            #expect(!anonymous.canRenewCredentials)
            #expect(!transport.canRenewCredentials)

            let (body, input) = AsyncStream<Data>.makeStream()
            let response = try await bearer.openStream(path: streamingPath(server), body: body, renewingCredentials: true)
            input.finish()
            for try await _ in response {}
            #expect(await provider.calls == [true])
            #expect(server.requests.last?.headers["Authorization"] == "Bearer fresh-token")
        }
    }

    @Test("per-record errors, 408 from a chosen record on, and unparsable records each get their own report")
    func recordFaults() async throws {
        try await withStreamingServer(partitions: 2) { server, transport in
            server.setStreamFaults(StreamFaults(
                recordError: { $0.index == 2 ? StreamFaults.RecordError(code: 500) : nil },
                tooLongAfterRecords: 6
            ))
            let (body, input) = AsyncStream<Data>.makeStream()
            let response = try await transport.openStream(path: streamingPath(server), body: body)
            var chunk = Data()
            for index in 0..<8 {
                switch index {
                case 3: chunk += Data(#"{"partition_id":"one"}"#.utf8)
                case 4: chunk += Self.record("r-4", partition: 9)
                default: chunk += Self.record("r-\(index)")
                }
            }
            input.yield(chunk)
            input.finish()
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
            let (body, input) = AsyncStream<Data>.makeStream()
            let response = try await transport.openStream(path: streamingPath(server), body: body)
            input.yield((0..<5).map { Self.record("r-\($0)") }.reduce(Data(), +))
            var received: [ProduceResponse] = []
            var splitter = ConcatenatedJSONSplitter()
            let failure = await #expect(throws: TransportFailure.self) {
                for try await chunk in response {
                    received += try splitter.feed(chunk).map { try JSONDecoder().decode(ProduceResponse.self, from: $0) }
                }
            }
            input.finish()
            #expect(failure?.phase == .awaitingResponse)
            #expect(received.map(\.offset) == [0, 1])
            #expect(server.records(topic: "events").compactMap(storedValue) == ["r-0", "r-1", "r-2"])
            #expect(server.streamStatistics.streamsOpen == 0)
        }
    }

    @Test("a refused stream throws the KafkaRESTError of its answer: credentials, topic, injected status, Retry-After")
    func refusals() async throws {
        try await withStreamingServer(credentials: (key: "key", secret: "secret")) { server, transport in
            func open(_ connector: any ProduceStreamConnector, topic: String = "events") async throws {
                let (body, input) = AsyncStream<Data>.makeStream()
                input.yield(Self.record("x"))
                defer { input.finish() }
                _ = try await connector.openStream(path: streamingPath(server, topic: topic), body: body)
            }
            let anonymous = try await #require(throws: KafkaRESTError.self) { try await open(transport) }
            #expect(anonymous.kind == .http)
            #expect(anonymous.status == 401)
            #expect(anonymous.errorCode == 40101)
            #expect(anonymous.operationID == "produceRecord")

            let authorized = try AuthorizingProduceStreamConnector(
                transport: transport,
                credentials: .apiKey(key: "key", secret: "secret"),
                allowsCredentialsOverPlainHTTP: true
            )
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

    @Test("credentials are refused over plain HTTP unless allowed")
    func plainHTTPCredentials() async throws {
        try await withTransport(baseURL: URL(string: "http://127.0.0.1:9/v3")!) { transport in
            let error = #expect(throws: KafkaRESTError.self) {
                _ = try AuthorizingProduceStreamConnector(transport: transport, credentials: .apiKey(key: "key", secret: "secret"))
            }
            #expect(error?.kind == .invalidRequest)
            #expect(throws: Never.self) {
                _ = try AuthorizingProduceStreamConnector(transport: transport, credentials: nil)
            }
        }
    }

    @Test("a refused connection is a TransportFailure while connecting")
    func connectionRefused() async throws {
        let server = try await KafkaRESTTestServer.start()
        let baseURL = server.baseURL
        try await server.stop()
        try await withTransport(baseURL: baseURL) { transport in
            let (body, input) = AsyncStream<Data>.makeStream()
            defer { input.finish() }
            let failure = await #expect(throws: TransportFailure.self) {
                _ = try await transport.openStream(path: "/clusters/test-cluster/topics/events/records", body: body)
            }
            #expect(failure?.phase == .connecting)
        }
    }
}
