import Foundation
@testable import KafkaRESTCLI
import Testing

@Suite("kafka-rest configuration")
struct ConfigurationTests {
    @Test("a missing endpoint is exit 2 naming --endpoint and KAFKA_REST_ENDPOINT")
    func missingEndpoint() async {
        let run = await runCLI(["topics", "list"], environment: ["KAFKA_REST_CLUSTER_ID": "lkc-1"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--endpoint"))
        #expect(run.stderr.contains("KAFKA_REST_ENDPOINT"))
        #expect(run.stdout.isEmpty)
    }

    @Test("a missing cluster id is exit 2 naming --cluster and KAFKA_REST_CLUSTER_ID")
    func missingCluster() async {
        let run = await runCLI(["topics", "list"], environment: ["KAFKA_REST_ENDPOINT": "http://127.0.0.1:1"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--cluster"))
        #expect(run.stderr.contains("KAFKA_REST_CLUSTER_ID"))
    }

    @Test("an API key without secret is exit 2 naming KAFKA_REST_API_SECRET")
    func keyWithoutSecret() async {
        let run = await runCLI(
            ["topics", "list"],
            environment: ["KAFKA_REST_ENDPOINT": "https://pkc-1.confluent.cloud", "KAFKA_REST_CLUSTER_ID": "lkc-1", "KAFKA_REST_API_KEY": "K"]
        )
        #expect(run.status == 2)
        #expect(run.stderr.contains("KAFKA_REST_API_SECRET"))
    }

    @Test("credentials over http:// need --allow-insecure-credentials")
    func insecureCredentials() async {
        let env = [
            "KAFKA_REST_ENDPOINT": "http://kafka.internal:8082", "KAFKA_REST_CLUSTER_ID": "c",
            "KAFKA_REST_API_KEY": "K", "KAFKA_REST_API_SECRET": "S3CRET-VALUE",
        ]
        let run = await runCLI(["topics", "list"], environment: env)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--allow-insecure-credentials"))
        #expect(!run.allOutput.contains("S3CRET-VALUE"))
    }

    @Test("both a key and a token is exit 2")
    func keyAndToken() async {
        let run = await runCLI(
            ["topics", "list", "--api-key", "K", "--api-secret", "S", "--token", "T"],
            environment: ["KAFKA_REST_ENDPOINT": "https://x.example.com", "KAFKA_REST_CLUSTER_ID": "c"]
        )
        #expect(run.status == 2)
        #expect(run.stderr.contains("use one"))
    }

    @Test("an unknown option is exit 2 with usage")
    func unknownOption() async {
        let run = await runCLI(["topics", "list", "--partitons", "3"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Unknown option"))
    }

    @Test("--help exits 0, prints the exit statuses and no secret default")
    func help() async {
        let run = await runCLI(["--help"], environment: ["KAFKA_REST_API_SECRET": TestCredentials.secret])
        #expect(run.status == 0)
        #expect(run.stdout.contains("EXIT STATUS"))
        #expect(run.stdout.contains("4  transport failure"))
        let sub = await runCLI(["topics", "create", "--help"], environment: ["KAFKA_REST_API_SECRET": TestCredentials.secret])
        #expect(sub.status == 0)
        #expect(sub.stdout.contains("--api-secret-file"))
        #expect(!(run.allOutput + sub.allOutput).contains(TestCredentials.secret))
    }

    @Test(
        "endpoint rule: a path is kept, Confluent Cloud hosts get /kafka/v3, other hosts /v3",
        arguments: [
            ("https://pkc-00000.eu-west-1.aws.confluent.cloud:443", false, "https://pkc-00000.eu-west-1.aws.confluent.cloud:443/kafka/v3"),
            ("https://pkc-00000.eu-west-1.aws.confluent.cloud/", false, "https://pkc-00000.eu-west-1.aws.confluent.cloud/kafka/v3"),
            ("http://localhost:8082", false, "http://localhost:8082/v3"),
            ("https://gateway.example.com/kafka-rest/v3", false, "https://gateway.example.com/kafka-rest/v3"),
            ("https://gateway.example.com/kafka/v3/", false, "https://gateway.example.com/kafka/v3"),
            ("https://proxy.example.com", true, "https://proxy.example.com/kafka/v3"),
        ]
    )
    func endpointRule(endpoint: String, cloud: Bool, expected: String) throws {
        #expect(try ConnectionSettings.baseURL(endpoint: endpoint, cloud: cloud).absoluteString == expected)
    }

    @Test("an endpoint with user info is refused without echoing it")
    func userInfo() async {
        let run = await runCLI(
            ["cluster", "list"],
            environment: ["KAFKA_REST_ENDPOINT": "https://user:hunter2-pass@pkc-1.confluent.cloud"]
        )
        #expect(run.status == 2)
        #expect(!run.allOutput.contains("hunter2-pass"))
    }
}

@Suite("kafka-rest secrets on the command line")
struct CommandLineSecretTests {
    @Test("--token warns that the command line is readable, without showing the token")
    func tokenOnTheCommandLineWarns() async throws {
        try await withServer { _, env in
            let token = "command-line-token-123"
            let run = await runCLI(["topics", "list", "--token", token, "--allow-insecure-credentials"], environment: env)
            #expect(run.stderr.contains("warning: --token on the command line can be read by other users"))
            #expect(!run.allOutput.contains(token))
        }
    }

    @Test("--token-file reads the first line without its newline and warns about nothing")
    func tokenFile() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kafka-rest-token-\(UUID().uuidString)")
        try Data("file-token-value-456\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try await withServer { _, env in
            let run = await runCLI(["topics", "list", "--token-file", file.path, "--allow-insecure-credentials"], environment: env)
            #expect(run.status == 3, "the token is sent (and refused by the test server), not rejected as malformed: \(run.stderr)")
            #expect(!run.stderr.contains("warning:"))
            #expect(!run.allOutput.contains("file-token-value-456"))
        }
    }
}
