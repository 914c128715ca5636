import Foundation
import KafkaREST
import Testing

/// A TLS server whose certificate no client trusts (``HostileCertificate``): every client
/// refuses it at once, says so, and does not try again.
@Suite("Hostile servers: untrusted TLS certificate")
struct HostileTLSTests {
    /// Answers every request that gets through with a topic list; none should.
    static let mode = HostileMode.respond { _ in .json(200, #"{"kind":"KafkaTopicList","metadata":{"self":"x"},"data":[]}"#) }

    @Test("a list request fails with a TLS error after one connection, despite the standard retry policy")
    func listRequest() async throws {
        try await withinHangCap {
            try await withHostileServer(Self.mode, tls: true) { server in
                let error = try await withHostileClient(server, tls: true, retry: .standard) { client in
                    await hostileError { try await client.topic.listKafkaTopics(clusterID: HostileSecrets.cluster) }
                }
                let failure = try #require(error as? KafkaRESTError)
                #expect(failure.kind == .transport, "\(failure)")
                #expect(failure.message.contains("the TLS handshake failed"), "\(failure)")
                #expect(failure.message.contains("CERTIFICATE_VERIFY_FAILED"), "\(failure)")
                #expect(server.statistics.connections == 1, "a refused certificate is not retried")
                #expect(server.statistics.requests.isEmpty)
            }
        }
    }

    @Test("a streaming producer fails every record with the TLS error")
    func streamingProducer() async throws {
        try await withinHangCap {
            try await withHostileServer(Self.mode, tls: true) { server in
                let results = try await produceHostile(server, tls: true)
                for failure in failures(results) {
                    #expect(failure.message.contains("the TLS handshake failed"), "\(failure)")
                }
                #expect(server.statistics.requests.isEmpty)
            }
        }
    }

    @Test("a streaming producer with the default retry budget does not open the refused stream again")
    func streamingProducerDefaultBudget() async throws {
        try await withinHangCap {
            try await withHostileServer(Self.mode, tls: true) { server in
                var options = StreamingProducer.Options()
                options.openTimeout = .seconds(1)
                _ = try await produceHostile(server, tls: true, options: options)
                #expect(server.statistics.connections == 1, "a refused certificate is not retried")
            }
        }
    }

    @Test("`kafka-rest produce` fails every record with the TLS error and exits 1, opening at most 1 + --retries connections")
    func produceCommand() async throws {
        try await withinHangCap {
            try await withHostileServer(Self.mode, tls: true) { server in
                let run = try await runHostileCLI(["produce", "events"] + HostileRecords.arguments + ["--retries", "1"], against: server, tls: true)
                #expect(run.status == 1, "\(run.stderr)")
                #expect(producedStatuses(run) == ["failed", "failed", "failed"], "\(run.stdout)")
                #expect(run.stdout.contains("the TLS handshake failed"), "\(run.stdout)")
                // One connection would be right; the producer still retries a refused open
                // (see streamingProducerDefaultBudget), but only as often as --retries allows.
                #expect(server.statistics.connections <= 2)
            }
        }
    }

    @Test("`kafka-rest topics list` exits 4 after one connection and names the TLS failure")
    func listCommand() async throws {
        try await withinHangCap {
            try await withHostileServer(Self.mode, tls: true) { server in
                let run = try await runHostileCLI(["topics", "list"], against: server, tls: true)
                #expect(run.status == 4, "\(run.stderr)")
                #expect(run.stderr.contains("the TLS handshake failed"), "\(run.stderr)")
                #expect(server.statistics.connections == 1, "a refused certificate is not retried")
            }
        }
    }
}
