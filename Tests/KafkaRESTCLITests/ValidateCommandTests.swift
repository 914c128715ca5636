import Foundation
import Testing

@Suite("kafka-rest validate")
struct ValidateCommandTests {
    @Test("valid NDJSON payloads exit 0")
    func valid() async {
        let input = """
            {"value": {"type": "JSON", "data": {"id": 1}}}

            {"key": {"type": "STRING", "data": "k"}, "value": {"type": "BINARY", "data": "aGVsbG8="}}
            """
        let run = await runCLI(["validate", "ProduceRequest", "-"], stdin: Data(input.utf8))
        #expect(run.status == 0, "\(run.allOutput)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("checked 2 payload(s)"))
    }

    @Test("violations show line, pointer and schema; exit 1")
    func invalid() async {
        let input = """
            {"value": {"type": "JSON", "data": 1}}
            {"partition_id": "three", "value": {"type": "JSON", "data": 1}}
            """
        let run = await runCLI(["validate", "ProduceRequest", "-", "--output", "table"], stdin: Data(input.utf8))
        #expect(run.status == 1)
        #expect(run.stdout.contains("<stdin>:2: error at /partition_id (ProduceRequest)"))
        #expect(!run.stdout.contains("<stdin>:1:"))
    }

    @Test("JSON output gives one object per violation")
    func jsonOutput() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cli-validate-\(UUID().uuidString).ndjson")
        try Data(#"{"topic_name": 5}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let run = await runCLI(["validate", "CreateTopicRequestData", url.path, "--output", "json"])
        #expect(run.status == 1)
        let violations = try run.jsonLines()
        #expect(violations.first?["pointer"] as? String == "/topic_name")
        #expect(violations.first?["line"] as? Int == 1)
        #expect(violations.first?["severity"] as? String == "error")
    }

    @Test("a pretty-printed document is checked as one payload")
    func singleDocument() async {
        let input = """
            {
              "topic_name": "orders",
              "partitions_count": "six"
            }
            """
        let run = await runCLI(["validate", "CreateTopicRequestData", "-", "--output", "table"], stdin: Data(input.utf8))
        #expect(run.status == 1)
        #expect(run.stdout.contains("<stdin>: error at /partitions_count"))
    }

    @Test("an unknown schema or a missing file is exit 2")
    func usageErrors() async {
        let unknown = await runCLI(["validate", "NoSuchSchema", "-"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown schema 'NoSuchSchema'"))
        let missing = await runCLI(["validate", "ProduceRequest", "/nonexistent/file.ndjson"])
        #expect(missing.status == 2)
    }
}
