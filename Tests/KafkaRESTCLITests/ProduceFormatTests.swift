import Foundation
import KafkaREST
import KafkaRESTTesting
import Testing

@Suite("kafka-rest produce: formats, keys, headers, dry runs")
struct ProduceFormatTests {
    @Test("--value-format string sends each line's text as STRING, binary decodes base64 and refuses the rest", arguments: [[], ["--batch"]])
    func stringAndBinary(mode: [String]) async throws {
        try await withServer { server, env in
            server.createTopic("text", partitionsCount: 1)
            let text = await runCLI(["produce", "text", "--value-format", "string"] + mode, environment: env, stdin: Data("hello world\n{\"value\": 1}\n".utf8))
            #expect(text.status == 0, "\(text.stderr)")
            let stored = server.records(topic: "text")
            #expect(stored.map(\.value?.type) == [.string, .string])
            #expect(stored.map(\.value?.data?.value) == [.string("hello world"), .string(#"{"value": 1}"#)])

            let input = "aGVsbG8=\nnot base64!\n  AAEC  \n"
            let binary = await runCLI(["produce", "text", "--value-format", "binary", "--output", "table"] + mode, environment: env, stdin: Data(input.utf8))
            #expect(binary.status == 1)
            #expect(binary.stderr.contains("line 2: failed: invalid input: not base64 (--value-format binary)"), "\(binary.stderr)")
            #expect(binary.stderr.contains("sent 2, delivered 2, failed 1 (1 invalid input)"))
            let bytes = server.records(topic: "text").dropFirst(2)
            #expect(bytes.map(\.value?.type) == [.binary, .binary])
            #expect(bytes.map(\.value?.data?.value) == [.string("aGVsbG8="), .string("AAEC")])
        }
    }

    /// Schema flags and the schema fields the server must receive.
    static let schemaCases: [(arguments: [String], type: ProduceRequestDataType, schemaID: Int?, subject: String?, version: Int?, strategy: String?)] = [
        (["--value-format", "avro", "--value-schema-id", "42"], .avro, 42, nil, nil, nil),
        (["--value-format", "jsonschema", "--value-subject", "orders-value", "--value-schema-version", "3"], .jsonschema, nil, "orders-value", 3, nil),
        (["--value-format", "protobuf", "--value-subject", "orders-value"], .protobuf, nil, "orders-value", nil, nil),
        (["--value-format", "avro", "--value-subject-strategy", "topic_name", "--value-schema-version", "2"], .avro, nil, nil, 2, "TOPIC_NAME"),
    ]

    @Test("schema formats send the line's JSON (never read as a ProduceRequest) with the schema the flags select", arguments: schemaCases.indices, [[], ["--batch"]])
    func schemaFormats(index: Int, mode: [String]) async throws {
        let expected = Self.schemaCases[index]
        try await withServer { server, env in
            server.createTopic("orders", partitionsCount: 1)
            let run = await runCLI(["produce", "orders"] + expected.arguments + mode, environment: env, stdin: Data(#"{"key": "a", "value": 7}"#.utf8))
            #expect(run.status == 0, "\(run.stderr)")
            let value = try #require(server.records(topic: "orders").first?.value)
            #expect(value.type == expected.type)
            #expect(value.data?.value == .object(["key": .string("a"), "value": .integer(7)]))
            #expect(value.schemaID?.value == expected.schemaID)
            #expect(value.subject?.value == expected.subject)
            #expect(value.schemaVersion?.value == expected.version)
            #expect(value.subjectNameStrategy?.value?.rawValue == expected.strategy)
        }
    }

    @Test("--key in --key-format: a JSON key, an Avro key with its schema id, bytes from base64")
    func keyFormats() async throws {
        try await withServer { server, env in
            server.createTopic("orders", partitionsCount: 1)
            let json = await runCLI(["produce", "orders", "--key", #"{"id": 1}"#, "--key-format", "json", "1"], environment: env)
            #expect(json.status == 0, "\(json.stderr)")
            let avro = await runCLI(["produce", "orders", "--key", #"{"id": 2}"#, "--key-format", "avro", "--key-schema-id", "5", "2"], environment: env)
            #expect(avro.status == 0, "\(avro.stderr)")
            let binary = await runCLI(["produce", "orders", "--key", "AAE=", "--key-format", "binary", "3"], environment: env)
            #expect(binary.status == 0, "\(binary.stderr)")
            let keys = server.records(topic: "orders").compactMap(\.key)
            #expect(keys.map(\.type) == [.json, .avro, .binary])
            #expect(keys.map(\.data?.value) == [.object(["id": .integer(1)]), .object(["id": .integer(2)]), .string("AAE=")])
            #expect(keys.map(\.schemaID?.value) == [nil, 5, nil])
        }
    }

    @Test("--header adds headers (text and base64 bytes) before a line's own; --partition applies where the line names none", arguments: [[], ["--batch"]])
    func headersAndPartition(mode: [String]) async throws {
        try await withServer { server, env in
            server.createTopic("orders", partitionsCount: 3)
            let input = """
                {"n": 1}
                {"value": {"type": "JSON", "data": 2}, "partition_id": 0, "headers": [{"name": "own", "value": "b3du"}]}
                """
            let arguments = ["produce", "orders", "--header", "trace=a=b", "--header", "bin:base64=AAEC", "--partition", "2"]
            let run = await runCLI(arguments + mode, environment: env, stdin: Data(input.utf8))
            #expect(run.status == 0, "\(run.stderr)")
            let plain = try #require(server.records(topic: "orders", partition: 2).first)
            #expect(plain.headers.map(\.name) == ["trace", "bin"])
            #expect(plain.headers.map { $0.value?.value?.data } == [Data("a=b".utf8), Data([0, 1, 2])])
            let shaped = try #require(server.records(topic: "orders", partition: 0).first)
            #expect(shaped.headers.map(\.name) == ["trace", "bin", "own"])
            #expect(shaped.headers.last?.value?.value?.data == Data("own".utf8))
        }
    }

    @Test("--parse-key splits at the first delimiter; a line without it fails naming the line", arguments: [[], ["--batch"]])
    func parseKey(mode: [String]) async throws {
        try await withServer { server, env in
            server.createTopic("orders", partitionsCount: 1)
            let input = "k1:{\"at\": \"12:30\"}\nno delimiter here\nk3:3\n"
            let run = await runCLI(["produce", "orders", "--parse-key", "--output", "table"] + mode, environment: env, stdin: Data(input.utf8))
            #expect(run.status == 1)
            #expect(run.stderr.contains(#"line 2: failed: invalid input: no delimiter ":" between key and value (--parse-key)"#), "\(run.stderr)")
            let stored = server.records(topic: "orders")
            #expect(stored.map(\.key?.type) == [.string, .string])
            #expect(stored.map(\.key?.data?.value) == [.string("k1"), .string("k3")])
            #expect(stored.map(\.value?.data?.value) == [.object(["at": .string("12:30")]), .integer(3)])

            let tabbed = await runCLI(
                ["produce", "orders", "--parse-key", "--delimiter", "\\t", "--key-format", "json", "--value-format", "string"] + mode,
                environment: env,
                stdin: Data("{\"id\": 4}\tfour\tand more\n[5]\t\n".utf8)
            )
            #expect(tabbed.status == 0, "\(tabbed.stderr)")
            let more = server.records(topic: "orders").dropFirst(2)
            #expect(more.map(\.key?.data?.value) == [.object(["id": .integer(4)]), .array([.integer(5)])])
            #expect(more.map(\.value?.data?.value) == [.string("four\tand more"), .string("")])
        }
    }

    @Test("a parsed key or value that is not in its format fails with the part named")
    func parseKeyErrors() async throws {
        try await withServer { server, env in
            server.createTopic("orders", partitionsCount: 1)
            let input = "!!:1\nAA==:not json\n"
            let run = await runCLI(["produce", "orders", "--parse-key", "--key-format", "binary", "--output", "table"], environment: env, stdin: Data(input.utf8))
            #expect(run.status == 1)
            #expect(run.stderr.contains("line 1: failed: invalid input: key: not base64 (--key-format binary)"), "\(run.stderr)")
            #expect(run.stderr.contains("line 2: failed: invalid input: value: not JSON"), "\(run.stderr)")
            #expect(server.records(topic: "orders").isEmpty)
        }
    }

    /// Flags that do not fit together and the message refusing them.
    static let refusals: [(arguments: [String], message: String)] = [
        (["--value-format", "string", "--value-schema-id", "1"], "--value-schema-id needs --value-format avro, jsonschema or protobuf, not string"),
        (["--value-schema-id", "3"], "--value-schema-id needs --value-format avro, jsonschema or protobuf, not json"),
        (["--value-format", "avro"], "--value-format avro needs a schema: give --value-schema-id, --value-subject or --value-subject-strategy"),
        (["--value-format", "avro", "--value-schema-id", "1", "--value-subject", "s"], "give only one of --value-schema-id, --value-subject and --value-subject-strategy, not --value-schema-id and --value-subject"),
        (["--value-format", "avro", "--value-schema-id", "1", "--value-schema-version", "2"], "--value-schema-version needs --value-subject or --value-subject-strategy"),
        (["--value-format", "avro", "--value-schema-id", "0"], "--value-schema-id must be a Schema Registry id (1 or more), not 0"),
        (["--value-format", "avro", "--value-subject", "s", "--value-schema-version", "0"], "--value-schema-version must be 1 or more, not 0"),
        (["--value-format", "jsonschema", "--value-subject", ""], "--value-subject must not be empty"),
        (["--value-format", "protobuf", "--value-subject-strategy", "nope"], "--value-subject-strategy must be one of TOPIC_NAME, RECORD_NAME, TOPIC_RECORD_NAME, not nope"),
        (["--key-format", "json"], "--key-format and the --key-schema and --key-subject options apply to --key or --parse-key; give one of them"),
        (["--key", "k", "--key-format", "avro"], "--key-format avro needs a schema: give --key-schema-id, --key-subject or --key-subject-strategy"),
        (["--key", "k!", "--key-format", "binary"], "--key is not base64 (--key-format binary)"),
        (["--key", "{", "--key-format", "json"], "--key is not JSON"),
        (["--key", "k", "--parse-key"], "give --key or --parse-key, not both"),
        (["--delimiter", "|"], "--delimiter needs --parse-key"),
        (["--parse-key", "--delimiter", ""], "--delimiter must not be empty"),
        (["--header", "trace"], "--header trace is not name=value (or name:base64=value)"),
        (["--header", "bin:base64=@@@"], "--header bin: the value after bin:base64= is not base64"),
        (["--partition=-1"], "--partition must be 0 or more, not -1"),
        (["--dry-run", "--print-only"], "give --dry-run or --print-only, not both"),
        (["--dry-run", "--batch"], "--batch does not apply to --dry-run (one request per record)"),
        (["--print-only", "--batch"], "--batch does not apply to --print-only (nothing is sent)"),
    ]

    @Test("flags that do not fit together are refused before anything is read or sent", arguments: refusals.indices)
    func refusedCombinations(index: Int) async {
        let refusal = Self.refusals[index]
        let run = await runCLI(["produce", "orders"] + refusal.arguments, stdin: Data("1\n".utf8))
        #expect(run.status == 2)
        #expect(run.stderr.contains(refusal.message), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test("--dry-run sends every record with dry_run=true, one request each; nothing is written")
    func dryRun() async throws {
        try await withServer { server, env in
            server.createTopic("orders", partitionsCount: 2)
            let run = await runCLI(["produce", "orders", "--dry-run", "--value-format", "string", "--partition", "1"], environment: env, stdin: Data("a\nb\n".utf8))
            #expect(run.status == 0, "\(run.stderr)")
            let results = try run.jsonLines()
            #expect(results.map { $0["status"] as? String } == ["checked", "checked"])
            #expect(results.map { $0["partition"] as? Int } == [1, 1])
            #expect(run.stderr.contains("sent 2, checked 2, failed 0, unknown 0 (dry run: nothing written)"), "\(run.stderr)")
            let produced = server.requests.filter { $0.operationID == "produceRecord" }
            #expect(produced.count == 2)
            #expect(produced.allSatisfy { $0.queryValue("dry_run") == "true" })
            #expect(server.records(topic: "orders").isEmpty)

            let missing = await runCLI(["produce", "missing", "--dry-run"], environment: env, stdin: Data("1\n".utf8))
            #expect(missing.status == 1)
            #expect(try missing.jsonLines().first?["error_code"] as? Int == 40403)
        }
    }

    @Test("--print-only prints each record's wire JSON without any server or credentials")
    func printOnly() async throws {
        let arguments = [
            "produce", "orders", "--print-only", "--parse-key", "--key-format", "string",
            "--value-format", "avro", "--value-subject", "orders-value", "--value-schema-version", "4",
            "--header", "trace=t1", "--header", "raw:base64=AAEC", "--partition", "3",
        ]
        let run = await runCLI(arguments, stdin: Data("k1:{\"id\": 1}\nk2:{\"id\": 2}\n".utf8))
        #expect(run.status == 0, "\(run.stderr)")
        let records = try run.jsonLines()
        #expect(records.count == 2)
        let first = try #require(records.first)
        #expect(first["partition_id"] as? Int == 3)
        let key = try #require(first["key"] as? [String: Any])
        #expect(key["type"] as? String == "STRING")
        #expect(key["data"] as? String == "k1")
        let value = try #require(first["value"] as? [String: Any])
        #expect(value["type"] as? String == "AVRO")
        #expect(value["subject"] as? String == "orders-value")
        #expect(value["schema_version"] as? Int == 4)
        #expect((value["data"] as? [String: Any])?["id"] as? Int == 1)
        let headers = try #require(first["headers"] as? [[String: Any]])
        #expect(headers.map { $0["name"] as? String } == ["trace", "raw"])
        #expect(headers.map { $0["value"] as? String } == [Data("t1".utf8).base64EncodedString(), "AAEC"])
        #expect(run.stderr.contains("printed 2, invalid 0; nothing sent (--print-only)"))

        let invalid = await runCLI(["produce", "orders", "--print-only", "--value-format", "binary"], stdin: Data("AAEC\n%%\n".utf8))
        #expect(invalid.status == 1)
        #expect(try invalid.jsonLines().count == 1)
        #expect(invalid.stderr.contains("line 2: failed: invalid input: not base64 (--value-format binary)"), "\(invalid.stderr)")
    }
}
