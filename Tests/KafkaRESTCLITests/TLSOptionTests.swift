import Foundation
@testable import KafkaRESTCLI
import KafkaRESTTesting
import Testing

@Suite("kafka-rest --ca-cert / --client-cert / --client-key")
struct TLSOptionTests {
    /// Starts an HTTPS test server with the test certificates (asking for a client
    /// certificate when `mutual`), runs `body` with it, the PEM files and an environment
    /// pointing at it without credentials, and stops it also when `body` throws.
    private func withTLSServer(mutual: Bool = false, _ body: (KafkaRESTTestServer, TestCertificates.Files, [String: String]) async throws -> Void) async throws {
        try await TestCertificates.withFiles { files in
            let server = try await KafkaRESTTestServer.start(tls: TestCertificates.serverTLS(mutual: mutual))
            server.createTopic("orders")
            let env = [
                "KAFKA_REST_ENDPOINT": "https://127.0.0.1:\(server.port)",
                "KAFKA_REST_CLUSTER_ID": server.clusterID,
                "KAFKA_REST_OUTPUT": "json",
            ]
            do {
                try await body(server, files, env)
                try await server.stop()
            } catch {
                try? await server.stop()
                throw error
            }
        }
    }

    @Test("the test server speaks HTTPS: without the authority the certificate is refused (exit 4), with --ca-cert it works")
    func trustedAuthority() async throws {
        try await withTLSServer { server, files, env in
            #expect(server.baseURL.absoluteString.hasPrefix("https://127.0.0.1:"))
            let untrusted = await runCLI(["topics", "list", "--retries", "0"], environment: env)
            #expect(untrusted.status == 4, "\(untrusted.stderr)")
            let wrong = await runCLI(["topics", "list", "--retries", "0", "--ca-cert", files.otherAuthority], environment: env)
            #expect(wrong.status == 4, "\(wrong.stderr)")
            let trusted = await runCLI(["topics", "list", "--ca-cert", files.authority], environment: env)
            #expect(trusted.status == 0, "\(trusted.stderr)")
            let topicName = try trusted.jsonLines().first?["topic_name"] as? String
            #expect(topicName == "orders")
            var fromEnvironment = env
            fromEnvironment["KAFKA_REST_CA_CERT"] = files.authority
            #expect(await runCLI(["topics", "list"], environment: fromEnvironment).status == 0)
            let optionWins = await runCLI(["topics", "list", "--retries", "0", "--ca-cert", files.otherAuthority], environment: fromEnvironment)
            #expect(optionWins.status == 4)
        }
    }

    @Test("mutual TLS: without a client certificate the handshake fails; --client-cert and --client-key satisfy it")
    func mutualTLS() async throws {
        try await withTLSServer(mutual: true) { _, files, env in
            let anonymous = await runCLI(["topics", "list", "--retries", "0", "--ca-cert", files.authority], environment: env)
            #expect(anonymous.status == 4, "\(anonymous.stderr)")
            let identified = await runCLI(
                ["topics", "list", "--ca-cert", files.authority, "--client-cert", files.client, "--client-key", files.clientKey],
                environment: env
            )
            #expect(identified.status == 0, "\(identified.stderr)")
            var fromEnvironment = env
            fromEnvironment["KAFKA_REST_CA_CERT"] = files.authority
            fromEnvironment["KAFKA_REST_CLIENT_CERT"] = files.client
            fromEnvironment["KAFKA_REST_CLIENT_KEY"] = files.clientKey
            #expect(await runCLI(["topics", "list"], environment: fromEnvironment).status == 0)
        }
    }

    @Test("a context stores the TLS files; the client certificate stays with the context's endpoint")
    func context() async throws {
        try await withConfigHome { home, _ in
            try await withTLSServer(mutual: true) { server, files, _ in
                let created = await runCLI(
                    ["context", "create", "tls", "--endpoint", "https://127.0.0.1:\(server.port)", "--cluster", server.clusterID,
                     "--ca-cert", files.authority, "--client-cert", files.client, "--client-key", files.clientKey],
                    environment: home
                )
                #expect(created.status == 0, "\(created.stderr)")
                let described = await runCLI(["context", "describe", "--output", "json"], environment: home)
                let object = try #require(try described.jsonLines().first)
                #expect(object["ca_cert"] as? String == files.authority)
                #expect(object["client_key"] as? String == files.clientKey)
                let run = await runCLI(["topics", "list", "--output", "json"], environment: home)
                #expect(run.status == 0, "\(run.stderr)")
                let elsewhere = await runCLI(
                    ["topics", "list", "--retries", "0", "--endpoint", "https://localhost:\(server.port)"],
                    environment: home
                )
                #expect(elsewhere.status == 4, "the client certificate is not shown to another endpoint: \(elsewhere.stderr)")
                #expect(elsewhere.stderr.contains("note: the credentials of context 'tls' are not sent"))
            }
        }
    }

    @Test("half a client certificate, or files that are not PEM, are exit 2 naming what is wrong")
    func refusals() async throws {
        try await TestCertificates.withFiles { files in
            let env = ["KAFKA_REST_ENDPOINT": "https://127.0.0.1:1", "KAFKA_REST_CLUSTER_ID": "c"]
            let half = await runCLI(["topics", "list", "--client-cert", files.client], environment: env)
            #expect(half.status == 2)
            #expect(half.stderr.contains("give both --client-cert and --client-key"))
            var halfEnvironment = env
            halfEnvironment["KAFKA_REST_CLIENT_KEY"] = files.clientKey
            let halfFromEnvironment = await runCLI(["topics", "list"], environment: halfEnvironment)
            #expect(halfFromEnvironment.stderr.contains("KAFKA_REST_CLIENT_CERT and KAFKA_REST_CLIENT_KEY"))
            let missing = await runCLI(["topics", "list", "--ca-cert", "/nonexistent/ca.pem"], environment: env)
            #expect(missing.status == 2)
            #expect(missing.stderr.contains("cannot read trusted certificates from /nonexistent/ca.pem"), "\(missing.stderr)")
            let notAKey = await runCLI(["topics", "list", "--client-cert", files.client, "--client-key", files.client], environment: env)
            #expect(notAKey.status == 2)
            #expect(notAKey.stderr.contains("cannot read the client private key from \(files.client)"), "\(notAKey.stderr)")
        }
    }
}
