import Foundation
import KafkaREST
import KafkaRESTTesting
import Testing

@Suite("Test server over HTTPS, on a chosen port")
struct TestServerTLSTests {
    /// A client of `server` trusting `trusted` (PEM), without retries.
    private func client(for server: KafkaRESTTestServer, trusting trusted: String?) throws -> KafkaRESTClient {
        var configuration = KafkaRESTConfiguration(baseURL: server.baseURL, clusterID: server.clusterID)
        configuration.retry = RetryPolicy(maxAttempts: 1)
        configuration.timeouts = Timeouts(connect: .seconds(5), request: .seconds(10))
        if let trusted {
            configuration.tls = TLSSettings(trustRoots: .pem(trusted))
        }
        return try KafkaRESTClient(configuration: configuration)
    }

    @Test("with a certificate the server speaks HTTPS: requests and produce streams trust it through TLSSettings, others refuse it")
    func https() async throws {
        let tls = KafkaRESTTestServer.TLS(certificateChain: HostileCertificate.certificate, privateKey: HostileCertificate.privateKey)
        let server = try await KafkaRESTTestServer.start(tls: tls)
        server.createTopic("orders")
        let trusting = try client(for: server, trusting: HostileCertificate.certificate)
        let untrusting = try client(for: server, trusting: nil)
        do {
            #expect(server.baseURL.absoluteString == "https://127.0.0.1:\(server.port)/v3")
            let topics = try await trusting.topic.listKafkaTopics(clusterID: server.clusterID)
            #expect(topics.data.map(\.topicName) == ["orders"])
            #expect(topics.metadata.selfValue.hasPrefix("https://127.0.0.1:\(server.port)/v3/"))

            let producer = try trusting.streamingProducer(topic: "orders", options: streamingOptions())
            let collector = Task {
                var outcomes: [ProduceResult] = []
                for await result in producer.results {
                    outcomes.append(result)
                }
                return outcomes
            }
            try await producer.send(KafkaRecord(value: .string("over TLS")))
            await producer.finish()
            let outcomes = await collector.value
            #expect(outcomes.count == 1)
            #expect(server.records(topic: "orders").count == 1)
            #expect(outcomes.first?.outcome.asDelivered != nil)

            let refused = await #expect(throws: KafkaRESTError.self) {
                _ = try await untrusting.topic.listKafkaTopics(clusterID: server.clusterID)
            }
            #expect(refused?.kind == .transport)
        } catch {
            Issue.record(error)
        }
        try? await trusting.shutdown()
        try? await untrusting.shutdown()
        try await server.stop()
    }

    @Test("a given port and host are listened on and named in the base URL")
    func portAndHost() async throws {
        // A port below the kernel's ephemeral range (32768 and up on Linux), which the other
        // tests' servers (port 0) and clients never get; another program may hold one, so a
        // few are tried.
        var started: (server: KafkaRESTTestServer, port: Int)?
        for _ in 0..<20 where started == nil {
            let candidate = Int.random(in: 20_000..<32_000)
            if let server = try? await KafkaRESTTestServer.start(host: "127.0.0.1", port: candidate) {
                started = (server, candidate)
            }
        }
        let (server, port) = try #require(started)
        #expect(server.port == port)
        #expect(server.baseURL.absoluteString == "http://127.0.0.1:\(port)/v3")
        await #expect(throws: (any Error).self) { _ = try await KafkaRESTTestServer.start(port: port) }
        try await server.stop()
    }

    @Test("a private key that is not PEM is refused at start")
    func unreadableKey() async throws {
        await #expect(throws: (any Error).self) {
            _ = try await KafkaRESTTestServer.start(tls: .init(certificateChain: HostileCertificate.certificate, privateKey: "not a key"))
        }
    }
}
