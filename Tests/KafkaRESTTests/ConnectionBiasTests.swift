import Foundation
@testable import KafkaREST
import Testing
import TransportDoubles

@Suite("Connection bias")
struct ConnectionBiasTests {
    /// The `Connection` header of each of `count` requests sent with `bias`.
    private func connectionHeaders(_ bias: ConnectionBias, count: Int) async throws -> [String?] {
        let transport = ScriptedTransport(Array(repeating: .status(200), count: count))
        let middleware = ConnectionBiasMiddleware(bias: bias)
        for _ in 0..<count {
            _ = try await send(request(.get), through: [middleware], to: transport)
        }
        return transport.requests.map { $0.headers["Connection"] }
    }

    @Test("keepAlive adds no Connection header")
    func keepAlive() async throws {
        #expect(try await connectionHeaders(.keepAlive, count: 3) == [nil, nil, nil])
    }

    @Test("closeEachRequest sends Connection: close every time")
    func closeEachRequest() async throws {
        #expect(try await connectionHeaders(.closeEachRequest, count: 3) == ["close", "close", "close"])
    }

    @Test("rotate(afterRequests: 3) closes on every third request")
    func rotate() async throws {
        #expect(try await connectionHeaders(.rotate(afterRequests: 3), count: 7) == [nil, nil, "close", nil, nil, "close", nil])
    }

    @Test("rotate with 1 or less closes every request")
    func rotateDegenerate() async throws {
        #expect(try await connectionHeaders(.rotate(afterRequests: 0), count: 2) == ["close", "close"])
    }

    @Test("the client applies the configured bias to every attempt")
    func clientAppliesBias() async throws {
        let transport = ScriptedTransport([.status(503), .json(200, topicPage([], next: "null"))])
        let configuration = testConfiguration(retry: RetryPolicy(initialBackoff: .zero), connectionBias: .closeEachRequest)
        let kafka = try KafkaRESTClient(configuration: configuration, transport: transport)
        _ = try await kafka.topic.listKafkaTopics(clusterID: "lkc-1")
        #expect(transport.requests.map { $0.headers["Connection"] } == ["close", "close"])
    }
}
