import Foundation
import KafkaREST
import KafkaRESTTesting
import Logging
import ServiceLifecycle
import Testing

/// The client and its streaming producers as services of a `ServiceGroup`: a graceful
/// shutdown drains the producer, then shuts the client down, and no record goes unreported.
@Suite("Service lifecycle")
struct ServiceLifecycleTests {
    static let logger = Logger(label: "kafka-rest-tests")

    /// Collects every result of `producer` until its results end.
    static func collect(_ producer: StreamingProducer) -> Task<[ProduceResult], Never> {
        Task { await producer.results.reduce(into: []) { $0.append($1) } }
    }

    @Test("a graceful shutdown drains the producer (every record delivered) and then shuts the client down")
    func gracefulShutdownDrains() async throws {
        try await withTestServer(credentials: integrationCredentials) { server in
            server.createTopic("orders", partitionsCount: 2)
            var configuration = try KafkaRESTConfiguration.selfManaged(
                url: "http://127.0.0.1:\(server.port)",
                clusterID: server.clusterID,
                credentials: .apiKey(key: integrationCredentials.key, secret: integrationCredentials.secret)
            )
            configuration.allowsCredentialsOverPlainHTTP = true
            let kafka = try KafkaRESTClient(configuration: configuration)
            let producer = try kafka.streamingProducer(topic: "orders", options: .init(maxInFlight: 50))
            let results = Self.collect(producer)
            let group = ServiceGroup(services: [kafka, producer], logger: Self.logger)
            let running = Task { try await group.run() }
            for record in streamingRecords(300) {
                try await producer.send(record)
            }
            await group.triggerGracefulShutdown()
            try await running.value

            let reported = await results.value
            #expect(reported.map(\.index).sorted() == Array(0..<300), "every record reported exactly once")
            #expect(reported.allSatisfy { $0.outcome.delivery != nil })
            #expect(server.records(topic: "orders").count == 300)
            await #expect(throws: KafkaRESTError.self, "the producer accepts nothing after shutdown") {
                try await producer.send(KafkaRecord(value: .string("late")))
            }
            await #expect(throws: (any Error).self, "the client's HTTP client is shut down") {
                _ = try await kafka.topic.listKafkaTopics(clusterID: server.clusterID)
            }
        }
    }

    @Test("records still unreported after the grace period are reported unknown, and the service returns")
    func gracePeriodBoundsTheDrain() async throws {
        let fake = ProduceFakeKafka(behaviour: { _ in .init(reportDelay: .seconds(3600)) })
        let producer = StreamingProducer(
            transport: fake,
            path: "/clusters/c/topics/t/records",
            options: .init(maxInFlight: 100, backoff: .none, shutdownGracePeriod: .milliseconds(100))
        )
        let results = Self.collect(producer)
        let group = ServiceGroup(services: [producer], logger: Self.logger)
        let running = Task { try await group.run() }
        for record in numberedRecords(10) {
            try await producer.send(record)
        }
        var waited = 0
        while fake.recordsReceived < 1 && waited < 20_000 {
            try await Task.sleep(for: .milliseconds(1))
            waited += 1
        }
        await group.triggerGracefulShutdown()
        try await running.value
        let reported = await results.value
        #expect(reported.map(\.index).sorted() == Array(0..<10), "every record reported exactly once")
        #expect(reported.allSatisfy { $0.outcome.delivery == nil }, "none was delivered: written ones unknown, the rest failed")
        #expect(reported.contains { $0.outcome.isUnknown })
    }

    @Test("cancelling the group cancels the producer: every record given is still reported")
    func cancellationCancels() async throws {
        let fake = ProduceFakeKafka(behaviour: { _ in .init(reportDelay: .seconds(3600)) })
        let producer = StreamingProducer(transport: fake, path: "/clusters/c/topics/t/records", options: .init(maxInFlight: 100, backoff: .none))
        let results = Self.collect(producer)
        let group = ServiceGroup(services: [producer], logger: Self.logger)
        let running = Task { try await group.run() }
        for record in numberedRecords(5) {
            try await producer.send(record)
        }
        running.cancel()
        _ = try? await running.value
        let reported = await results.value
        #expect(reported.map(\.index).sorted() == Array(0..<5))
    }
}
