import Foundation
@testable import KafkaRESTCLI
import KafkaRESTTesting
import Testing
import Yams

@Suite("--output yaml")
struct YAMLOutputTests {
    /// `text` read back by Yams, a YAML 1.1 reader, as a JSON-like value.
    private func parsed(_ text: String) throws -> JSONValue {
        try Self.jsonValue(try #require(try Yams.load(yaml: text)))
    }

    private static func jsonValue(_ any: Any) throws -> JSONValue {
        switch any {
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .integer(Int64(number))
        case let number as Double: return .double(number)
        case let list as [Any]: return .array(try list.map(jsonValue))
        case let map as [String: Any]: return .object(try map.mapValues(jsonValue))
        case is NSNull: return .null
        default: throw CLIError.usage("unexpected YAML value \(any)")
        }
    }

    @Test(
        "strings that YAML would read as something else are quoted; others stay plain",
        arguments: [
            ("orders", "orders"), ("http://host:8082/v3", "http://host:8082/v3"), ("a b", "a b"), ("<stored>", "<stored>"),
            ("", #""""#), ("true", #""true""#), ("No", #""No""#), ("off", #""off""#), ("null", #""null""#), ("~", #""~""#),
            ("123", #""123""#), ("1.5", #""1.5""#), ("0x1F", #""0x1F""#), ("2026-12-03", #""2026-12-03""#), (".inf", #"".inf""#),
            ("-x", #""-x""#), ("- x", #""- x""#), ("a: b", #""a: b""#), ("key:", #""key:""#), ("a #b", #""a #b""#),
            (" lead", #"" lead""#), ("trail ", #""trail ""#), ("*ref", #""*ref""#), ("&anchor", #""&anchor""#), ("!tag", #""!tag""#),
            ("{x}", #""{x}""#), ("[x]", #""[x]""#), ("'q'", #""'q'""#), ("\"q\"", #""\"q\"""#), ("%x", #""%x""#), ("@x", #""@x""#),
            ("line\nbreak", #""line\nbreak""#), ("tab\there", #""tab\there""#), ("esc\u{1B}[2J", #""esc\u001B[2J""#),
            ("back\\slash", "back\\slash"), ("sep\u{2028}x", #""sep\u2028x""#), ("=", #""=""#), ("<<", #""<<""#),
        ]
    )
    func scalars(text: String, expected: String) throws {
        #expect(YAMLText.string(text) == expected)
        #expect(try parsed("value: " + YAMLText.string(text)) == .object(["value": .string(text)]))
    }

    @Test("documents: nested objects and arrays, empty containers, numbers, booleans and null read back as the same value")
    func documents() throws {
        let value: JSONValue = .object([
            "name": .string("orders"),
            "count": .integer(3),
            "big": .integer(9_007_199_254_740_993),
            "ratio": .double(0.25),
            "tiny": .double(1e-7),
            "huge": .double(1e300),
            "flag": .bool(true),
            "nothing": .null,
            "empty_list": .array([]),
            "empty_map": .object([:]),
            "configs": .array([
                .object(["name": .string("retention.ms"), "value": .string("1000")]),
                .object(["name": .string("cleanup.policy"), "synonyms": .array([.string("a"), .array([.integer(1)])])]),
            ]),
            "related": .object(["self": .string("http://x/v3/clusters/c"), "nested": .object(["deeper": .string("yes")])]),
        ])
        let text = YAMLText.document(value)
        #expect(text.hasPrefix("---\nbig: 9007199254740993\nconfigs:\n"))
        #expect(text.contains("configs:\n  - name: retention.ms\n    value: \"1000\"\n"), "\(text)")
        #expect(text.contains("tiny: 1.0e-07\n"), "\(text)")
        #expect(try parsed(text) == value)
        #expect(YAMLText.document(.string("x")) == "---\nx\n")
        #expect(YAMLText.document(.array([])) == "---\n[]\n")
    }

    @Test("topics list and describe print one YAML document per result, with the JSON output's values")
    func topics() async throws {
        try await withServer { server, env in
            server.createTopic("orders", partitionsCount: 3)
            server.createTopic("payments")
            let json = await runCLI(["topics", "list", "--output", "json"], environment: env)
            let yaml = await runCLI(["topics", "list", "--output", "yaml"], environment: env)
            #expect(yaml.status == 0)
            let documents = yaml.stdout.components(separatedBy: "---\n").dropFirst()
            #expect(documents.count == 2)
            let fromJSON = try json.stdout.split(separator: "\n").map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
            #expect(try documents.map(parsed) == fromJSON)
            #expect(yaml.stdout.contains("\ntopic_name: orders\n"))

            var fromEnvironment = env
            fromEnvironment["KAFKA_REST_OUTPUT"] = "yaml"
            let described = await runCLI(["topics", "describe", "orders"], environment: fromEnvironment)
            #expect(described.stdout.hasPrefix("---\n"))
            #expect(described.stdout.contains("\npartitions_count: 3\n"))
            fromEnvironment["KAFKA_REST_OUTPUT"] = "xml"
            let wrong = await runCLI(["topics", "list"], environment: fromEnvironment)
            #expect(wrong.status == 2)
            #expect(wrong.stderr.contains("expected table, json or yaml"))
        }
    }

    @Test("produce results and validate violations come out as YAML too")
    func produceAndValidate() async throws {
        try await withServer { server, env in
            server.createTopic("orders")
            let produced = await runCLI(["produce", "orders", "--output", "yaml", #"{"a":1}"#], environment: env)
            #expect(produced.status == 0, "\(produced.stderr)")
            let report = try parsed(produced.stdout)
            #expect(report == .object(["line": .integer(1), "offset": .integer(0), "partition": .integer(0), "status": .string("delivered")]))
        }
        let validated = await runCLI(["validate", "ProduceRequest", "-", "--output", "yaml"], stdin: Data(#"{"partition_id":"x"}"#.utf8))
        #expect(validated.status == 1)
        #expect(validated.stdout.hasPrefix("---\n"))
        #expect(validated.stdout.contains("pointer: /partition_id\n"), "\(validated.stdout)")
    }
}
