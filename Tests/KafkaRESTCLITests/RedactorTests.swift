import Foundation
@testable import KafkaRESTCLI
import KafkaRESTTesting
import Testing

@Suite("Redactor")
struct RedactorTests {
    @Test("secrets shorter than the minimum are not replaced in general output")
    func shortSecretsIgnored() {
        let redactor = Redactor()
        redactor.add("1")
        redactor.add("abc1234")
        #expect(redactor.scrub(#"{"offset":1,"partition_id":10,"name":"abc1234"}"#) == #"{"offset":1,"partition_id":10,"name":"abc1234"}"#)
    }

    @Test("a secret is replaced as written, JSON-escaped and percent-encoded in either hex case")
    func escapedForms() {
        let secret = "p/ss\"wörd+ 12\\x"
        let redactor = Redactor()
        redactor.add(secret)
        let echoes = [
            secret,
            #"p\/ss\"wörd+ 12\\x"#,
            #"p/ss\"wörd+ 12\\x"#,
            "p%2Fss%22w%C3%B6rd%2B%2012%5Cx",
            "p%2fss%22w%c3%b6rd%2b%2012%5cx",
        ]
        for echo in echoes {
            #expect(redactor.scrub("server said: \(echo).") == "server said: <redacted>.", "\(echo)")
        }
    }

    @Test("Basic credentials are replaced as base64 of key:secret")
    func basicCredentials() {
        let redactor = Redactor()
        redactor.addBasicCredentials(key: "KEY-1234", secret: "secret-5678")
        let basic = Data("KEY-1234:secret-5678".utf8).base64EncodedString()
        #expect(redactor.scrub("Authorization: Basic \(basic)") == "Authorization: Basic <redacted>")
        #expect(redactor.scrub("secret-5678") == "<redacted>")
    }

    @Test("a one-character API secret leaves the offsets and counts of JSON output intact")
    func shortSecretKeepsOutput() async throws {
        let server = try await KafkaRESTTestServer.start(credentials: ("K", "1"))
        server.createTopic("t1", partitionsCount: 1)
        let env = [
            "KAFKA_REST_ENDPOINT": "http://127.0.0.1:\(server.port)",
            "KAFKA_REST_CLUSTER_ID": server.clusterID,
            "KAFKA_REST_ALLOW_INSECURE_CREDENTIALS": "1",
            "KAFKA_REST_OUTPUT": "json",
        ]
        let run = await runCLI(["topics", "list", "--api-key", "K", "--api-secret", "1"], environment: env)
        try await server.stop()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.allOutput.contains(Redactor.placeholder))
        let topic = try #require(try run.jsonLines().first)
        #expect(topic["topic_name"] as? String == "t1")
        #expect(topic["partitions_count"] as? Int == 1)
    }
}
