import Foundation
@testable import KafkaRESTCLI
import KafkaRESTTesting
import Testing

@Suite("kafka-rest completion")
struct CompletionTests {
    @Test("completion bash|zsh|fish prints argument-parser's script for the kafka-rest command tree", arguments: ["bash", "zsh", "fish"])
    func scripts(shell: String) async {
        let run = await runCLI(["completion", shell])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let marker = ["bash": "complete -o filenames -F _kafka-rest kafka-rest", "zsh": "#compdef kafka-rest", "fish": "complete -c 'kafka-rest'"][shell] ?? ""
        #expect(run.stdout.contains(marker), "\(run.stdout.prefix(300))")
        #expect(run.stdout.contains("---completion"))
        #expect(run.stdout.contains("context"))
        #expect(run.stdout.contains("serve"))
        let unknown = await runCLI(["completion", "powershell"])
        #expect(unknown.status == 2)
    }

    /// The candidates a `---completion` call printed, one per line. argument-parser formats them
    /// for the shell that last asked, which is process-wide state: once a test here has printed
    /// the zsh script, every later answer in this process ends with the pseudo-candidate " " that
    /// zsh's script removes. A topic or context name is never " ".
    private func candidates(_ run: CLIRun) -> [String] {
        var lines = run.stdout.split(separator: "\n").map(String.init)
        if lines.last == " " { lines.removeLast() }
        return lines
    }

    /// The `---completion` call a completion script makes for the first positional argument of
    /// `topics describe` with `words` and the word being completed last.
    private func complete(_ words: [String], environment: [String: String]) async -> CLIRun {
        let current = words.last ?? ""
        return await runCLI(
            ["---completion", "topics", "describe", "--", "positional@0", "\(words.count - 1)", "\(current.count)"] + words,
            environment: environment
        )
    }

    @Test("topic names complete from the endpoint in the environment or on the command line, filtered by the prefix")
    func topicNames() async throws {
        try await withServer { server, serverEnvironment in
            var env = serverEnvironment
            env["KAFKA_REST_COMPLETION_TIMEOUT"] = "60"
            for name in ["orders", "order-events", "payments"] {
                server.createTopic(name)
            }
            let fromEnvironment = await complete(["kafka-rest", "topics", "describe", "ord"], environment: env)
            #expect(fromEnvironment.status == 0)
            #expect(candidates(fromEnvironment) == ["order-events", "orders"])
            #expect(fromEnvironment.stderr.isEmpty)

            var credentialsOnly = env
            credentialsOnly["KAFKA_REST_ENDPOINT"] = nil
            credentialsOnly["KAFKA_REST_CLUSTER_ID"] = nil
            let fromWords = await complete(
                ["kafka-rest", "topics", "describe", "--endpoint", "http://127.0.0.1:\(server.port)", "--cluster=\(server.clusterID)", ""],
                environment: credentialsOnly
            )
            #expect(candidates(fromWords) == ["order-events", "orders", "payments"])
            #expect(server.requests.allSatisfy { $0.operationID == "listKafkaTopics" })
        }
    }

    @Test("an unreachable or silent endpoint, or none at all, completes nothing, quietly; a silent one within the deadline")
    func bestEffort() async throws {
        let unreachable = await complete(["kafka-rest", "topics", "describe", ""], environment: ["KAFKA_REST_ENDPOINT": "http://127.0.0.1:1", "KAFKA_REST_CLUSTER_ID": "c"])
        #expect(unreachable.status == 0)
        #expect(candidates(unreachable) == [])
        #expect(unreachable.stderr.isEmpty)
        let unconfigured = await complete(["kafka-rest", "topics", "describe", ""], environment: [:])
        #expect(unconfigured.status == 0)
        #expect(candidates(unconfigured) == [] && unconfigured.stderr.isEmpty)
        try await withServer { server, serverEnvironment in
            server.inject(.delay(.seconds(30)), times: 5)
            var env = serverEnvironment
            env["KAFKA_REST_COMPLETION_TIMEOUT"] = "1"
            let start = ContinuousClock.now
            let silent = await complete(["kafka-rest", "topics", "describe", ""], environment: env)
            let elapsed = start.duration(to: .now)
            #expect(silent.status == 0)
            #expect(candidates(silent) == [] && silent.stderr.isEmpty)
            #expect(elapsed >= .seconds(1))
            #expect(elapsed < .seconds(8), "the lookup is abandoned at the deadline, not waited for")
        }
    }

    @Test("KAFKA_REST_COMPLETION_TIMEOUT sets the deadline; anything else leaves it at 3 seconds")
    func deadline() {
        #expect(TopicCompletion.deadline(environment: ["KAFKA_REST_COMPLETION_TIMEOUT": "0.5"]) == .milliseconds(500))
        for value in [nil, "", "0", "-1", "soon", "inf"] {
            var environment: [String: String] = [:]
            environment["KAFKA_REST_COMPLETION_TIMEOUT"] = value
            #expect(TopicCompletion.deadline(environment: environment) == .seconds(3))
        }
    }

    @Test("--context and context names complete from the config file")
    func contextNames() async throws {
        try await withConfigHome { env, _ in
            for name in ["dev", "dev-eu", "prod"] {
                _ = await runCLI(["context", "create", name, "--endpoint", "https://\(name).example.com"], environment: env)
            }
            // Leaves argument-parser formatting for zsh, as the zsh script test may have (see `candidates`).
            _ = await runCLI(["completion", "zsh"])
            let option = await runCLI(["---completion", "topics", "list", "--", "--context", "3", "1", "kafka-rest", "topics", "list", "d"], environment: env)
            #expect(candidates(option) == ["dev", "dev-eu"])
            let argument = await runCLI(["---completion", "context", "use", "--", "positional@0", "3", "0", "kafka-rest", "context", "use", ""], environment: env)
            #expect(candidates(argument) == ["dev", "dev-eu", "prod"])
        }
    }

    @Test("bash, through the executable: the script completes topic names of a running kafka-rest serve")
    func bashEndToEnd() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else {
            print("skipped: no /bin/bash")
            return
        }
        try await withServeProcess(["--port", "0", "--topics", "orders,order-events,payments"]) { binary, serve in
            let script = """
                source <(kafka-rest completion bash)
                COMP_WORDS=(kafka-rest topics describe ord)
                COMP_CWORD=3
                COMP_LINE='kafka-rest topics describe ord'
                COMP_POINT=${#COMP_LINE}
                _kafka-rest kafka-rest ord describe
                printf '%s\\n' "${COMPREPLY[@]}"
                """
            let env = [
                "PATH": binary.deletingLastPathComponent().path + ":/usr/bin:/bin",
                "KAFKA_REST_ENDPOINT": serve.endpoint,
                "KAFKA_REST_CLUSTER_ID": serve.clusterID,
                "KAFKA_REST_COMPLETION_TIMEOUT": "60",
            ]
            let run = try await BuiltBinary.run(URL(fileURLWithPath: "/bin/bash"), ["-c", script], environment: env)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.split(separator: "\n").sorted() == ["order-events", "orders"], "\(run.stdout) \(run.stderr)")
        }
    }
}
