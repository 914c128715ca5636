import Foundation
@testable import KafkaRESTCLI
import KafkaRESTTesting
import Testing

@Suite("kafka-rest -v/--verbose")
struct VerboseTests {
    @Test("each request line (method, path, query) and its status go to standard error, results stay on standard output")
    func requestLines() async throws {
        try await withServer { server, env in
            server.createTopic("orders")
            let run = await runCLI(["topics", "list", "-v"], environment: env)
            #expect(run.status == 0)
            let lines = run.stderr.split(separator: "\n").map(String.init)
            #expect(lines.count == 2, "\(run.stderr)")
            #expect(lines.first == "> GET /v3/clusters/\(server.clusterID)/topics")
            #expect(lines.last?.range(of: #"^< 200 GET /v3/clusters/test-cluster/topics \(\d+ ms\)$"#, options: .regularExpression) != nil, "\(lines)")
            let resultCount = try run.jsonLines().count
            #expect(resultCount == 1)

            let long = await runCLI(["acls", "list", "--principal", "User:alice", "--verbose"], environment: env)
            #expect(long.stderr.contains("> GET /v3/clusters/\(server.clusterID)/acls?"), "\(long.stderr)")
            #expect(long.stderr.contains("principal=User%3Aalice"), "\(long.stderr)")

            let quiet = await runCLI(["topics", "list"], environment: env)
            #expect(quiet.stderr.isEmpty)
        }
    }

    @Test("errors and transport failures are shown with their status, and secrets never")
    func failures() async throws {
        try await withServer { server, env in
            let missing = await runCLI(["topics", "describe", "nope", "-v"], environment: env)
            #expect(missing.status == 3)
            #expect(missing.stderr.contains("< 404 GET /v3/clusters/\(server.clusterID)/topics/nope ("))
            var unreachable = env
            unreachable["KAFKA_REST_ENDPOINT"] = "http://127.0.0.1:1"
            let down = await runCLI(["topics", "list", "-v", "--retries", "0", "--timeout", "2"], environment: unreachable)
            #expect(down.status == 4)
            #expect(down.stderr.contains("< failed GET /v3/clusters/\(server.clusterID)/topics ("), "\(down.stderr)")
            let basic = Data("\(TestCredentials.key):\(TestCredentials.secret)".utf8).base64EncodedString()
            for run in [missing, down] {
                #expect(!run.allOutput.contains(TestCredentials.secret))
                #expect(!run.allOutput.contains(basic))
                #expect(!run.allOutput.contains("Authorization"))
            }
        }
    }

    @Test("produce streams are shown as streams, batches as requests")
    func produce() async throws {
        try await withServer { server, env in
            server.createTopic("orders")
            let streamed = await runCLI(["produce", "orders", "-v", #"{"a":1}"#], environment: env)
            #expect(streamed.status == 0, "\(streamed.stderr)")
            #expect(streamed.stderr.contains("> POST /v3/clusters/\(server.clusterID)/topics/orders/records (stream)"), "\(streamed.stderr)")
            #expect(streamed.stderr.range(of: #"< 200 POST /v3/clusters/test-cluster/topics/orders/records \(stream, \d+ ms\)"#, options: .regularExpression) != nil)
            let batched = await runCLI(["produce", "orders", "--batch", "-v", #"{"a":1}"#], environment: env)
            #expect(batched.status == 0, "\(batched.stderr)")
            #expect(batched.stderr.contains("> POST /v3/clusters/\(server.clusterID)/topics/orders/records\n"), "\(batched.stderr)")
            #expect(!(streamed.allOutput + batched.allOutput).contains(TestCredentials.secret))
        }
    }

    @Test("a secret in the path is scrubbed from the request line")
    func scrubbedPath() async throws {
        try await withServer { _, env in
            let run = await runCLI(["topics", "describe", TestCredentials.secret, "-v"], environment: env)
            #expect(run.stderr.contains("> GET /v3/clusters/test-cluster/topics/<redacted>"), "\(run.stderr)")
            #expect(!run.allOutput.contains(TestCredentials.secret))
        }
    }
}
