import Foundation
import Testing

/// The `sh` examples of README.md's command-line section, run through the built executable
/// against `kafka-rest serve`, so the README keeps naming real commands and options.
///
/// Each example runs as one `bash -euo pipefail` script in a shared scratch directory (with
/// `orders.ndjson` and the test certificates as the PEM files the examples name) and a scratch
/// config home. Its `kafka-rest serve …` lines are started by the test first, each on a free
/// port that replaces the README's port everywhere; `export KAFKA_REST_…` lines are dropped
/// for the endpoint and cluster id of the server the README exports (`export
/// KAFKA_REST_ENDPOINT=http://127.0.0.1:PORT…`), so the Cloud examples run locally too.
@Suite("README command-line examples")
struct ReadmeCLIExampleTests {
    /// README.md of the package.
    static let readme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md")

    /// The `sh` code blocks between the command-line section's heading and the next `## ` heading,
    /// with continued lines joined.
    static func examples(in text: String) throws -> [[String]] {
        let start = try #require(text.range(of: "## The `kafka-rest` command-line tool"))
        let rest = text[start.upperBound...]
        let section = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        var blocks: [[String]] = []
        var current: [String]?
        var pending = ""
        for line in section.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if current == nil {
                if line == "```sh" { current = [] }
                continue
            }
            if line == "```" {
                blocks.append(current ?? [])
                current = nil
                continue
            }
            if line.hasSuffix("\\") {
                pending += line.dropLast() + " "
                continue
            }
            current?.append(pending + line)
            pending = ""
        }
        return blocks
    }

    /// The arguments after `kafka-rest serve` on `line`, without a trailing `&` or comment.
    static func serveArguments(_ line: String) -> [String] {
        let code = line.split(separator: "#", maxSplits: 1).first.map(String.init) ?? line
        return code.split(separator: " ").map(String.init).dropFirst(2).filter { $0 != "&" }
    }

    @Test("every sh example of the command-line section succeeds against kafka-rest serve")
    func examples() async throws {
        guard let binary = BuiltBinary.url else {
            print("skipped: kafka-rest executable not found next to the tests or in .build/debug")
            return
        }
        let blocks = try Self.examples(in: try String(contentsOf: Self.readme, encoding: .utf8))
        #expect(blocks.count >= 7, "the CLI section's examples: intro, contexts, TLS, YAML, verbose, completion, serve")
        let missingTools = ["curl", "jq"].filter { !FileManager.default.isExecutableFile(atPath: "/usr/bin/\($0)") }
        try await TestCertificates.withFiles { files in
            let scratch = URL(fileURLWithPath: files.authority).deletingLastPathComponent()
            try Data("""
                {"key": {"type": "STRING", "data": "order-1"}, "value": {"type": "JSON", "data": {"total": 12.5}}}
                {"value": {"type": "JSON", "data": {"total": 3}}}

                """.utf8).write(to: scratch.appendingPathComponent("orders.ndjson"))
            let serveLines = blocks.joined().filter { $0.hasPrefix("kafka-rest serve") }
            #expect(!serveLines.isEmpty)
            var servers: [ServeProcess] = []
            do {
                var ports: [String: String] = [:]
                for line in serveLines {
                    var arguments = Self.serveArguments(line)
                    let portIndex = try #require(arguments.firstIndex(of: "--port"), "a serve example names its port: \(line)")
                    let readmePort = arguments[portIndex + 1]
                    arguments[portIndex + 1] = "0"
                    let serve = try await ServeProcess.start(binary, arguments, directory: scratch)
                    servers.append(serve)
                    ports[readmePort] = String(serve.port)
                }
                let exported = try #require(
                    blocks.joined().lazy.compactMap { $0.firstMatch(of: /^export KAFKA_REST_ENDPOINT=http:\/\/127\.0\.0\.1:(\d+)/) }.first,
                    "the serve example exports its endpoint"
                )
                let first = try #require(servers.first { String($0.port) == ports[String(exported.1)] })
                let env = [
                    "PATH": binary.deletingLastPathComponent().path + ":/usr/bin:/bin",
                    "HOME": scratch.path,
                    "XDG_CONFIG_HOME": scratch.appendingPathComponent("config").path,
                    "KAFKA_REST_ENDPOINT": first.endpoint,
                    "KAFKA_REST_CLUSTER_ID": first.clusterID,
                ]
                var output = ""
                for block in blocks {
                    let lines = block.filter { !$0.hasPrefix("kafka-rest serve") && !$0.hasPrefix("export KAFKA_REST_") }
                    if let tool = missingTools.first(where: { tool in lines.contains { $0.contains("\(tool) ") } }) {
                        print("skipped an example: \(tool) is not installed: \(lines.first ?? "")")
                        continue
                    }
                    var script = "cd '\(scratch.path)'\n" + lines.joined(separator: "\n")
                    for (readmePort, port) in ports {
                        script = script.replacingOccurrences(of: "127.0.0.1:\(readmePort)", with: "127.0.0.1:\(port)")
                    }
                    let run = try await BuiltBinary.run(URL(fileURLWithPath: "/bin/bash"), ["-euo", "pipefail", "-c", script], environment: env)
                    #expect(run.status == 0, "example failed:\n\(script)\nstdout: \(run.stdout)\nstderr: \(run.stderr)")
                    output += run.stdout
                }
                #expect(output.contains("payments"))
                #expect(output.contains("partitions_count: 6"), "the YAML example describes orders")
                if missingTools.isEmpty {
                    #expect(output.contains(#""topic_name":"invoices""#))
                    #expect(output.contains(#""error_code":200"#), "the curl produce example is delivered")
                }
                for serve in servers {
                    await serve.stop()
                }
            } catch {
                for serve in servers {
                    await serve.stop()
                }
                throw error
            }
        }
    }
}
