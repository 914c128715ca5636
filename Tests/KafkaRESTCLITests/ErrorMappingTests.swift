import Foundation
import KafkaREST
@testable import KafkaRESTCLI
import KafkaRESTTesting
import Testing

@Suite("kafka-rest error reporting and exit statuses")
struct ErrorMappingTests {
    @Test("a server error is exit 3 with the operation, status and error_code")
    func serverError() async throws {
        try await withServer { server, env in
            server.inject(.status(400, errorCode: 40002, message: "Topic 'x' already exists."), matching: "createKafkaTopic")
            let run = await runCLI(["topics", "create", "x"], environment: env)
            #expect(run.status == 3)
            #expect(run.stderr.contains("createKafkaTopic failed: HTTP 400, error_code 40002: Topic 'x' already exists."))
            #expect(run.stdout.isEmpty)
        }
    }

    @Test("an unknown topic is exit 3 with error_code 40403 and a hint")
    func notFound() async throws {
        try await withServer { _, env in
            let run = await runCLI(["topics", "describe", "missing"], environment: env)
            #expect(run.status == 3)
            #expect(run.stderr.contains("error_code 40403"))
            #expect(run.stderr.contains("hint:"))
        }
    }

    @Test("a wrong secret is exit 3 with a hint about KAFKA_REST_API_KEY/SECRET")
    func unauthorized() async throws {
        try await withServer { _, env in
            var wrong = env
            wrong["KAFKA_REST_API_SECRET"] = "wrong-Secret-123456"
            let run = await runCLI(["topics", "list"], environment: wrong)
            #expect(run.status == 3)
            #expect(run.stderr.contains("HTTP 401"))
            #expect(run.stderr.contains("KAFKA_REST_API_KEY and KAFKA_REST_API_SECRET"))
            #expect(!run.allOutput.contains("wrong-Secret-123456"))
        }
    }

    @Test("a refused next-page link is exit 3, since earlier pages were sent and printed; other refusals stay exit 2")
    func refusedNextPage() {
        let nextPage = KafkaRESTError(kind: .invalidRequest, operationID: KafkaRESTClient.nextPageOperationID, message: "the next page URL path /v3/../x has a '.' or '..' segment")
        let report = ErrorReport(nextPage)
        #expect(report.status == .serverError)
        #expect(report.text.hasPrefix("error: nextPage failed: the next page URL path /v3/../x"), "\(report.text)")
        let refused = KafkaRESTError(kind: .invalidRequest, operationID: "deleteKafkaTopicConfig", message: "the path parameter name is '..'")
        #expect(ErrorReport(refused).status == .usage)
    }

    @Test("connection refused is exit 4")
    func connectionRefused() async throws {
        let server = try await KafkaRESTTestServer.start()
        var env = environment(for: server)
        try await server.stop()
        // Port 1 is below the ephemeral range, so no server of a test running in parallel can
        // be listening there, as one can on the stopped server's port.
        env["KAFKA_REST_ENDPOINT"] = "http://127.0.0.1:1"
        let run = await runCLI(["topics", "list", "--retries", "0", "--timeout", "5"], environment: env)
        #expect(run.status == 4)
        #expect(run.stderr.contains("listKafkaTopics failed"))
        #expect(run.stderr.contains("--endpoint"))
    }
}

@Suite("kafka-rest secrets")
struct SecretTests {
    @Test("the API secret appears in no output of succeeding and failing commands")
    func secretNeverPrinted() async throws {
        try await withServer { server, env in
            server.createTopic("orders")
            server.inject(.status(500, errorCode: 50001, message: "echo: \(TestCredentials.secret)"), matching: "getKafkaTopic")
            let runs = [
                await runCLI(["topics", "list", "--output", "table"], environment: env),
                await runCLI(["topics", "list"], environment: env),
                await runCLI(["topics", "describe", "orders"], environment: env),
                await runCLI(["topics", "describe", "nope"], environment: env),
                await runCLI(["topics", "list", "--api-key", "other", "--api-secret", TestCredentials.secret, "--allow-insecure-credentials"], environment: env),
                await runCLI(["topics", "list", "--api-secret", TestCredentials.secret], environment: env),
                await runCLI(["topics", "list", "--timeout", TestCredentials.secret], environment: env),
                await runCLI(["produce", "orders"], environment: env, stdin: Data("{\"a\":1}\nnot json\n".utf8)),
                await runCLI(["topics", "--help"], environment: env),
            ]
            #expect(runs.map(\.status) == [0, 0, 3, 3, 3, 2, 2, 1, 0])
            for run in runs {
                #expect(!run.allOutput.contains(TestCredentials.secret), "\(run.allOutput)")
            }
            #expect(runs[2].stderr.contains("<redacted>"))
        }
    }

    @Test("a bearer token appears in no output")
    func tokenNeverPrinted() async throws {
        try await withServer { _, env in
            var tokenEnv = env
            tokenEnv["KAFKA_REST_API_KEY"] = nil
            tokenEnv["KAFKA_REST_API_SECRET"] = nil
            tokenEnv["KAFKA_REST_TOKEN"] = "eyJ-token-Value-42"
            let run = await runCLI(["topics", "list"], environment: tokenEnv)
            #expect(run.status == 3)
            #expect(run.stderr.contains("HTTP 401"))
            #expect(!run.allOutput.contains("eyJ-token-Value-42"))
        }
    }
}
