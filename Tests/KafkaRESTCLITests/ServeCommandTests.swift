import ArgumentParser
import Foundation
@testable import KafkaRESTCLI
import KafkaRESTTesting
import Testing

@Suite("kafka-rest serve")
struct ServeCommandTests {
    /// Starts the server `serve arguments` would start, runs `body` with it, and stops it.
    private func withStarted(_ arguments: [String], _ body: (KafkaRESTTestServer) async throws -> Void) async throws {
        let command = try ServeCommand.parse(arguments)
        let server = try await command.start()
        do {
            try await body(server)
            try await server.stop()
        } catch {
            try? await server.stop()
            throw error
        }
    }

    @Test("--topics (comma-separated, repeatable), --partitions, --cluster-id and --base-path shape the server")
    func options() async throws {
        try await withStarted(["--port", "0", "--topics", "orders, payments", "--topics", "clicks", "--partitions", "3", "--cluster-id", "dev", "--base-path", "/kafka/v3"]) { server in
            #expect(server.clusterID == "dev")
            #expect(server.baseURL.absoluteString == "http://127.0.0.1:\(server.port)/kafka/v3")
            #expect(server.topics.map(\.name) == ["clicks", "orders", "payments"])
            #expect(server.topics.allSatisfy { $0.partitionsCount == 3 })
            let run = await runCLI(["topics", "list", "--output", "json", "--endpoint", "http://127.0.0.1:\(server.port)/kafka/v3", "--cluster", "dev"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.split(separator: "\n").count == 3)
        }
    }

    @Test("--tls-cert and --tls-key serve HTTPS; --tls-client-ca asks for a client certificate")
    func tls() async throws {
        try await TestCertificates.withFiles { files in
            try await withStarted(["--port", "0", "--tls-cert", files.server, "--tls-key", files.serverKey]) { server in
                #expect(server.baseURL.scheme == "https")
                let env = ["KAFKA_REST_ENDPOINT": server.baseURL.absoluteString, "KAFKA_REST_CLUSTER_ID": server.clusterID]
                #expect(await runCLI(["cluster", "describe", "--ca-cert", files.authority], environment: env).status == 0)
            }
            try await withStarted(["--port", "0", "--tls-cert", files.server, "--tls-key", files.serverKey, "--tls-client-ca", files.authority]) { server in
                let env = ["KAFKA_REST_ENDPOINT": server.baseURL.absoluteString, "KAFKA_REST_CLUSTER_ID": server.clusterID, "KAFKA_REST_CA_CERT": files.authority]
                #expect(await runCLI(["cluster", "describe", "--retries", "0"], environment: env).status == 4)
                let mutual = await runCLI(["cluster", "describe", "--client-cert", files.client, "--client-key", files.clientKey], environment: env)
                #expect(mutual.status == 0, "\(mutual.stderr)")
            }
        }
    }

    @Test("bad option combinations, unreadable or mismatched PEM files and a busy port are exit 2")
    func refusals() async throws {
        try await TestCertificates.withFiles { files in
            let cases: [([String], String)] = [
                (["--tls-cert", files.server], "give --tls-cert and --tls-key together"),
                (["--tls-client-ca", files.authority], "--tls-client-ca needs --tls-cert and --tls-key"),
                (["--port", "70000"], "--port must be 0 to 65535"),
                (["--partitions", "0"], "--partitions must be at least 1"),
                (["--base-path", "v3"], "--base-path must start with /"),
                (["--port", "0", "--tls-cert", "/nonexistent.pem", "--tls-key", files.serverKey], "cannot read the --tls-cert file /nonexistent.pem"),
                (["--port", "0", "--tls-cert", files.server, "--tls-key", files.client], "cannot serve on 127.0.0.1:0 with the given certificate and key"),
            ]
            for (arguments, message) in cases {
                let run = await runCLI(["serve"] + arguments)
                #expect(run.status == 2, "\(arguments)")
                #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            }
        }
        let busy = try await KafkaRESTTestServer.start()
        let run = await runCLI(["serve", "--port", "\(busy.port)"])
        try await busy.stop()
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot serve on 127.0.0.1:\(busy.port)"), "\(run.stderr)")
        #expect(run.stderr.contains("--port"))
    }

    @Test("the executable prints the endpoint and cluster id, serves the CLI and curl, and stops on SIGINT and SIGTERM with status 0")
    func executable() async throws {
        for signal in [SIGINT, SIGTERM] {
            try await withServeProcess(["--port", "0", "--topics", "orders"]) { binary, serve in
                #expect(serve.endpoint == "http://127.0.0.1:\(serve.port)/v3")
                #expect(serve.clusterID == "local")
                #expect(serve.errorOutput.contains("Kafka REST v3 in memory at \(serve.endpoint), cluster local, topics orders; stop with Ctrl-C"))
                let env = ["KAFKA_REST_ENDPOINT": serve.endpoint, "KAFKA_REST_CLUSTER_ID": serve.clusterID]
                let produced = try await BuiltBinary.run(binary, ["produce", "orders", #"{"id":1}"#, "--output", "json"], environment: env)
                #expect(produced.status == 0, "\(produced.stderr)")
                #expect(produced.stdout.contains(#""status":"delivered""#))
                let stopped = await serve.stop(signal: signal)
                #expect(stopped.status == 0)
                #expect(stopped.stderr.contains("kafka-rest serve: stopped (\(signal == SIGINT ? "SIGINT" : "SIGTERM"))"))
            }
        }
    }

    @Test("the executable serves HTTPS with --tls-cert and --tls-key")
    func executableTLS() async throws {
        try await TestCertificates.withFiles { files in
            try await withServeProcess(["--port", "0", "--tls-cert", files.server, "--tls-key", files.serverKey]) { binary, serve in
                #expect(serve.endpoint.hasPrefix("https://127.0.0.1:"))
                let env = ["KAFKA_REST_ENDPOINT": serve.endpoint, "KAFKA_REST_CLUSTER_ID": serve.clusterID]
                let untrusted = try await BuiltBinary.run(binary, ["cluster", "list", "--retries", "0"], environment: env)
                #expect(untrusted.status == 4)
                let trusted = try await BuiltBinary.run(binary, ["cluster", "list", "--ca-cert", files.authority], environment: env)
                #expect(trusted.status == 0, "\(trusted.stderr)")
                #expect(trusted.stdout.contains(#""cluster_id":"local""#))
            }
        }
    }
}
