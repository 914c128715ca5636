import Foundation
import KafkaREST
import Testing

@Suite("Produce: client single, concatenated and batch")
struct ProduceClientTests {
    /// Answers every request with one canned response and keeps the requests.
    final class CannedTransport: APITransport, @unchecked Sendable {
        let answer: @Sendable (APIRequest) throws -> APIResponse
        private let lock = NSLock()
        private(set) var requests: [APIRequest] = []

        init(_ answer: @escaping @Sendable (APIRequest) throws -> APIResponse) {
            self.answer = answer
        }

        func send(_ request: APIRequest) async throws -> APIResponse {
            lock.withLock { requests.append(request) }
            return try answer(request)
        }
    }

    static func client(_ transport: CannedTransport) throws -> KafkaRESTClient {
        try KafkaRESTClient(
            configuration: KafkaRESTConfiguration(baseURL: URL(string: "https://kafka.example/kafka/v3")!, clusterID: "lkc-1", retry: .none),
            transport: transport
        )
    }

    static func json(_ text: String, status: Int = 200) -> APIResponse {
        APIResponse(status: status, headers: ["Content-Type": "application/json"], body: Data(text.utf8))
    }

    @Test("one record: the report on success, the report's error otherwise")
    func single() async throws {
        let ok = CannedTransport { _ in Self.json(#"{"error_code":200,"partition_id":1,"offset":42}"#) }
        let report = try await Self.client(ok).produce(KafkaRecord(value: .string("v")), to: "orders")
        #expect(report == DeliveryReport(partition: 1, offset: 42))
        #expect(ok.requests.first?.path == "/clusters/lkc-1/topics/orders/records")

        let rejected = CannedTransport { _ in Self.json(#"{"error_code":40403,"message":"no such partition"}"#) }
        await #expect(throws: KafkaRESTError.self) {
            try await Self.client(rejected).produce(KafkaRecord(value: .string("v")), to: "orders")
        }
    }

    @Test("concatenated: one body with every record, reports matched in order, missing ones unknown")
    func concatenated() async throws {
        let transport = CannedTransport { _ in
            Self.json(#"{"error_code":200,"partition_id":0,"offset":7}"# + "\n" + #"{"error_code":429,"message":"slow down"}"#)
        }
        let records = numberedRecords(3)
        let results = try await Self.client(transport).produce(records, to: "t", cluster: "lkc-2")
        #expect(results.map(\.index) == [0, 1, 2])
        #expect(results[0].outcome.delivery?.offset == 7)
        #expect(results[1].outcome.failure?.status == 429)
        #expect(results[2].outcome.isUnknown)
        let request = try #require(transport.requests.first)
        #expect(request.path == "/clusters/lkc-2/topics/t/records")
        guard case .bytes(let body, let contentType) = request.body else { throw KafkaRESTError(kind: .encoding, message: "no body") }
        #expect(contentType == "application/json")
        var splitter = ConcatenatedJSONSplitter()
        #expect(try splitter.feed(body).count == 3)
    }

    @Test("concatenated: a 4xx answer fails every record, a 5xx or transport failure makes them unknown")
    func wholeRequestFailures() async throws {
        let limited = CannedTransport { _ in APIResponse(status: 429, body: Data("<html>".utf8)) }
        let failed = try await Self.client(limited).produce(numberedRecords(2), to: "t")
        #expect(failed.allSatisfy { $0.outcome.failure?.status == 429 })

        let gateway = CannedTransport { _ in APIResponse(status: 504) }
        #expect(try await Self.client(gateway).produce(numberedRecords(2), to: "t").allSatisfy(\.outcome.isUnknown))

        let broken = CannedTransport { _ in throw KafkaRESTError(kind: .transport, message: "reset") }
        #expect(try await Self.client(broken).produce(numberedRecords(2), to: "t").allSatisfy(\.outcome.isUnknown))
    }

    @Test("concatenated: a connection never made fails every record, since nothing was written")
    func connectionNeverMade() async throws {
        struct Refused: Error {}
        let refused = CannedTransport { _ in throw TransportFailure(phase: .connecting, underlying: Refused()) }
        let results = try await Self.client(refused).produce(numberedRecords(2), to: "t")
        #expect(results.allSatisfy { $0.outcome.failure?.kind == .transport }, "\(results.map(\.outcome))")

        let cut = CannedTransport { _ in throw TransportFailure(phase: .sending, underlying: Refused()) }
        #expect(try await Self.client(cut).produce(numberedRecords(2), to: "t").allSatisfy(\.outcome.isUnknown))
    }

    @Test("batch: successes and failures matched by entry id; unmentioned entries unknown")
    func batch() async throws {
        let transport = CannedTransport { _ in
            Self.json(#"{"successes":[{"id":"2","partition_id":1,"offset":5}],"failures":[{"id":"0","error_code":400,"message":"bad"}]}"#, status: 207)
        }
        let results = try await Self.client(transport).produceBatch(numberedRecords(3), to: "t")
        #expect(results[0].outcome.failure?.errorCode == 400)
        #expect(results[1].outcome.isUnknown)
        #expect(results[2].outcome.delivery == DeliveryReport(partition: 1, offset: 5))
        #expect(transport.requests.first?.path == "/clusters/lkc-1/topics/t/records:batch")
    }

    @Test("batch: a record that fails validation fails without being sent; the others keep their entry ids")
    func batchRefusesInvalidRecord() async throws {
        let transport = CannedTransport { _ in
            Self.json(#"{"successes":[{"id":"0","partition_id":0,"offset":1},{"id":"2","partition_id":0,"offset":2}]}"#, status: 207)
        }
        var records = numberedRecords(3)
        records[1] = KafkaRecord(value: .avro(.null, schema: .inline("")))
        let results = try await Self.client(transport).produceBatch(records, to: "t")
        #expect(results[1].outcome.failure?.kind == .invalidRequest)
        #expect(results[1].outcome.failure?.message.contains("schema must not be empty") == true)
        #expect(results[0].outcome.delivery?.offset == 1 && results[2].outcome.delivery?.offset == 2)
        guard case .bytes(let bytes, _) = transport.requests.first?.body else { throw KafkaRESTError(kind: .encoding, message: "no body") }
        let body = String(decoding: bytes, as: UTF8.self)
        #expect(body.contains(#""id":"0""#) && body.contains(#""id":"2""#) && !body.contains(#""id":"1""#), "\(body)")
    }
}
