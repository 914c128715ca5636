import Foundation
import KafkaREST
import KafkaRESTTesting
import Testing

@Suite("kafka-rest produce")
struct ProduceCommandTests {
    @Test("records from stdin are delivered and stored; one result line per record", arguments: [[], ["--batch"]])
    func goodRecords(mode: [String]) async throws {
        try await withServer { server, env in
            server.createTopic("orders", partitionsCount: 2)
            let input = """
                {"id": 1, "total": 12.5}
                "plain string"

                {"key": {"type": "STRING", "data": "order-3"}, "value": {"type": "JSON", "data": {"id": 3}}, "headers": [{"name": "trace", "value": "dHJhY2U="}]}
                {"value": {"type": "BINARY", "data": "aGVsbG8="}, "partition_id": 1}
                """
            let run = await runCLI(["produce", "orders", "--key", "k"] + mode, environment: env, stdin: Data(input.utf8))
            #expect(run.status == 0, "\(run.stderr)")
            let results = try run.jsonLines()
            #expect(results.map { $0["line"] as? Int } == [1, 2, 4, 5])
            #expect(results.allSatisfy { $0["status"] as? String == "delivered" && $0["offset"] is Int })
            #expect(run.stderr.contains("sent 4, delivered 4, failed 0, unknown 0"))

            let stored = server.records(topic: "orders")
            #expect(stored.count == 4)
            let values = stored.compactMap(\.value?.data?.value)
            #expect(values.contains(.object(["id": .integer(1), "total": .double(12.5)])))
            #expect(values.contains(.string("plain string")))
            let third = try #require(stored.first { $0.key?.data?.value == .string("order-3") })
            #expect(third.headers.first?.name == "trace")
            #expect(third.headers.first?.value?.value?.data == Data("trace".utf8))
            #expect(stored.filter { $0.key?.data?.value == .string("k") }.count == 3)
            let binary = try #require(server.records(topic: "orders", partition: 1).first { $0.value?.type == .binary })
            #expect(binary.value?.data?.value == .string("aGVsbG8="))
        }
    }

    @Test("bad records fail, the rest are delivered, and the exit status is 1", arguments: [[], ["--batch"]])
    func badRecords(mode: [String]) async throws {
        try await withServer { server, env in
            server.createTopic("orders", partitionsCount: 1)
            let input = """
                {"n": 1}
                {"value": {"type": "JSON", "data": 2}, "partition_id": 7}
                not json
                {"n": 4}
                """
            let run = await runCLI(["produce", "orders", "--output", "table"] + mode, environment: env, stdin: Data(input.utf8))
            #expect(run.status == 1)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains("line 2: failed (error_code 404)"))
            #expect(run.stderr.contains("line 3: failed: invalid input: not JSON"))
            #expect(run.stderr.contains("sent 3, delivered 2, failed 2 (1 invalid input), unknown 0"))
            #expect(server.records(topic: "orders").count == 2)
        }
    }

    @Test("JSON results name each record's own input line across invalid lines: the record stored at the reported partition and offset is that line's", arguments: [[], ["--batch", "--batch-size", "7"]])
    func resultLines(mode: [String]) async throws {
        try await withServer { server, env in
            server.createTopic("orders", partitionsCount: 3)
            let lines = (1...60).map { $0 % 9 == 4 || $0 % 9 == 5 ? "not json \($0)" : #"{"n": \#($0)}"# }
            let run = await runCLI(["produce", "orders", "--output", "json"] + mode, environment: env, stdin: Data(lines.joined(separator: "\n").utf8))
            #expect(run.status == 1, "invalid lines make the run a partial failure")
            let reports = try run.stdout.split(separator: "\n").map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
            #expect(reports.count == 60)
            for report in reports {
                guard case .integer(let line)? = report["line"] else {
                    Issue.record("no line in \(report)")
                    continue
                }
                guard case .integer(let partition)? = report["partition"], case .integer(let offset)? = report["offset"] else {
                    #expect(lines[Int(line) - 1].hasPrefix("not json"), "line \(line) has no delivery: \(report)")
                    continue
                }
                let stored = server.records(topic: "orders", partition: Int(partition))[Int(offset)]
                #expect(stored.value?.data?.value == .object(["n": .integer(line)]), "line \(line)")
            }
        }
    }

    @Test("a record over --max-record-bytes is refused and never sent", arguments: [[], ["--batch"]])
    func oversizeRecords(mode: [String]) async throws {
        try await withServer { server, env in
            server.createTopic("orders", partitionsCount: 1)
            let big = String(repeating: "x", count: 2_000)
            let input = "{\"n\": 1}\n\"\(big)\"\n{\"n\": 3}\n"
            let run = await runCLI(["produce", "orders", "--output", "table", "--max-record-bytes", "1000"] + mode, environment: env, stdin: Data(input.utf8))
            #expect(run.status == 1)
            #expect(run.stderr.contains("line 2: failed: invalid input: the record's JSON is 2035 bytes, over the limit of 1000 bytes"), "\(run.stderr)")
            #expect(server.records(topic: "orders").count == 2)
        }
    }

    @Test("records as arguments and from --file, in batches")
    func argumentsAndFile() async throws {
        try await withServer { server, env in
            server.createTopic("events")
            let run = await runCLI(["produce", "events", #"{"a": 1}"#, "[1, 2]"], environment: env)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(server.records(topic: "events").count == 2)

            let url = FileManager.default.temporaryDirectory.appendingPathComponent("cli-produce-\(UUID().uuidString).ndjson")
            try Data((1...25).map { "{\"n\": \($0)}\n" }.joined().utf8).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            server.clearRequests()
            let fromFile = await runCLI(["produce", "events", "--file", url.path, "--batch", "--batch-size", "10"], environment: env)
            #expect(fromFile.status == 0, "\(fromFile.stderr)")
            #expect(server.records(topic: "events").count == 27)
            #expect(server.requests.count == 3)
        }
    }

    @Test("an unknown topic fails every record with error_code 40403: exit 1", arguments: [[], ["--batch"]])
    func unknownTopic(mode: [String]) async throws {
        try await withServer { _, env in
            let run = await runCLI(["produce", "missing"] + mode, environment: env, stdin: Data("1\n2\n".utf8))
            #expect(run.status == 1, "\(run.stderr)")
            #expect(run.stderr.contains("delivered 0, failed 2"))
            let results = try run.jsonLines()
            #expect(results.count == 2)
            #expect(results.allSatisfy { $0["status"] as? String == "failed" && $0["error_code"] as? Int == 40403 })
        }
    }
}
