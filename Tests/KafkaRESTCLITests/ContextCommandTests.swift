import Foundation
@testable import KafkaRESTCLI
import KafkaRESTTesting
import Testing

@Suite("kafka-rest context")
struct ContextCommandTests {
    /// `context create NAME` for `server` with the test credentials, the secret read from
    /// the environment variable `TEST_SECRET` at each run.
    private func createContext(_ name: String, for server: KafkaRESTTestServer, _ env: [String: String], cluster: String? = nil) async -> CLIRun {
        await runCLI(
            [
                "context", "create", name, "--endpoint", "http://127.0.0.1:\(server.port)", "--cluster", cluster ?? server.clusterID,
                "--api-key", TestCredentials.key, "--api-secret-env", "TEST_SECRET", "--allow-insecure-credentials",
            ],
            environment: env
        )
    }

    @Test("create saves a 0600 file in XDG_CONFIG_HOME, the first context becomes current, and commands use it")
    func createAndUse() async throws {
        try await withConfigHome { home, file in
            try await withServer { server, _ in
                server.createTopic("orders")
                var env = home
                env["TEST_SECRET"] = TestCredentials.secret
                let created = await createContext("local", for: server, env)
                #expect(created.status == 0, "\(created.stderr)")
                #expect(created.stderr.contains("Saved context local in \(file.path); it is the current context."))
                #expect(!created.stderr.contains("warning"))
                #expect(ContextStore.permissions(file.path) == 0o600)
                #expect(ContextStore.permissions(file.deletingLastPathComponent().path) == 0o700)

                let listed = await runCLI(["topics", "list", "--output", "json"], environment: env)
                #expect(listed.status == 0, "\(listed.stderr)")
                let topicNames = try listed.jsonLines().map { $0["topic_name"] as? String }
                #expect(topicNames == ["orders"])
                #expect(listed.stderr.isEmpty, "\(listed.stderr)")
            }
        }
    }

    @Test("XDG_CONFIG_HOME unset or relative: the file is under HOME/.config")
    func homeFallback() async throws {
        try await withConfigHome { home, _ in
            let homePath = try #require(home["HOME"])
            for xdg in [nil, "relative/dir"] {
                var env = ["HOME": homePath]
                env["XDG_CONFIG_HOME"] = xdg
                #expect(ContextStore(environment: env).url.path == homePath + "/.config/kafka-rest/config.json")
            }
        }
    }

    @Test("list, describe and use: the current one is marked, secrets show as <stored> or their reference")
    func listDescribeUse() async throws {
        try await withConfigHome { env, _ in
            let secretFile = URL(fileURLWithPath: try #require(env["HOME"])).appendingPathComponent("secret.txt")
            try Data("\(TestCredentials.secret)\n".utf8).write(to: secretFile)
            let inline = await runCLI(
                ["context", "create", "prod", "--endpoint", "https://pkc-1.eu-west-1.aws.confluent.cloud", "--cluster", "lkc-1",
                 "--api-key", "KEY1", "--api-secret", TestCredentials.secret],
                environment: env
            )
            #expect(inline.status == 0, "\(inline.stderr)")
            #expect(inline.stderr.contains("warning: --api-secret is stored as is in"))
            #expect(inline.stderr.contains("warning: --api-secret on the command line") == false)
            let filed = await runCLI(
                ["context", "create", "staging", "--endpoint", "https://rest.example.com", "--api-key", "KEY2", "--api-secret-file", secretFile.path],
                environment: env
            )
            #expect(filed.status == 0, "\(filed.stderr)")
            #expect(!filed.stderr.contains("warning"))
            let token = await runCLI(
                ["context", "create", "oauth", "--endpoint", "https://rest.example.com", "--token-env", "MY_TOKEN", "--use"],
                environment: env
            )
            #expect(token.stderr.contains("it is the current context"))

            let table = await runCLI(["context", "list", "--output", "table"], environment: env)
            #expect(table.status == 0)
            #expect(table.stdout == """
                CURRENT  NAME     ENDPOINT                                     CLUSTER  CREDENTIALS
                *        oauth    https://rest.example.com                     -        token env:MY_TOKEN
                         prod     https://pkc-1.eu-west-1.aws.confluent.cloud  lkc-1    api key KEY1, secret <stored>
                         staging  https://rest.example.com                     -        api key KEY2, secret file:\(secretFile.path)

                """)

            let json = await runCLI(["context", "list", "--output", "json"], environment: env)
            let objects = try json.jsonLines()
            #expect(objects.map { $0["name"] as? String } == ["oauth", "prod", "staging"])
            #expect(objects[1]["api_secret"] as? String == "<stored>")
            #expect(objects[0]["current"] as? Bool == true)

            let used = await runCLI(["context", "use", "prod"], environment: env)
            #expect(used.status == 0)
            let described = await runCLI(["context", "describe", "--output", "table"], environment: env)
            #expect(described.stdout.contains("NAME                        prod"))
            #expect(described.stdout.contains("API_SECRET                  <stored>"))
            #expect(described.stdout.contains("CURRENT                     yes"))
            let other = await runCLI(["context", "describe", "staging", "--output", "json"], environment: env)
            #expect(try other.jsonLines().first?["api_secret"] as? String == "file:\(secretFile.path)")
            let yaml = await runCLI(["context", "describe", "prod", "--output", "yaml"], environment: env)
            #expect(yaml.stdout.hasPrefix("---\n"))
            #expect(yaml.stdout.contains("\napi_secret: <stored>\n"))

            for run in [inline, filed, token, table, json, used, described, other, yaml] {
                #expect(!run.allOutput.contains(TestCredentials.secret))
            }
        }
    }

    @Test("delete removes a context and clears current; unknown names are exit 2")
    func delete() async throws {
        try await withConfigHome { env, _ in
            _ = await runCLI(["context", "create", "a", "--endpoint", "https://a.example.com"], environment: env)
            _ = await runCLI(["context", "create", "b", "--endpoint", "https://b.example.com"], environment: env)
            let deleted = await runCLI(["context", "delete", "a"], environment: env)
            #expect(deleted.status == 0)
            #expect(deleted.stderr.contains("no context is current now"))
            let listed = await runCLI(["context", "list", "--output", "json"], environment: env)
            let names = try listed.jsonLines().map { $0["name"] as? String }
            #expect(names == ["b"])
            for arguments in [["context", "delete", "a"], ["context", "use", "zzz"], ["context", "describe", "zzz"]] {
                let run = await runCLI(arguments, environment: env)
                #expect(run.status == 2, "\(arguments)")
                #expect(run.stderr.contains("context list"), "\(run.stderr)")
            }
            let none = await runCLI(["context", "describe"], environment: env)
            #expect(none.status == 2)
            #expect(none.stderr.contains("no context is selected"))
        }
    }

    @Test("create refuses bad names, duplicates without --force, half credentials and credentials over http")
    func createRefusals() async throws {
        try await withConfigHome { env, _ in
            let cases: [([String], String)] = [
                (["bad name", "--endpoint", "https://x.example.com"], "a context name is"),
                (["c", "--endpoint", "ftp://x.example.com"], "is not an http:// or https:// URL"),
                (["c", "--endpoint", "https://x.example.com", "--api-key", "K"], "an API key needs its secret"),
                (["c", "--endpoint", "https://x.example.com", "--api-secret-env", "S"], "an API secret needs its key"),
                (["c", "--endpoint", "https://x.example.com", "--api-key", "K", "--api-secret-env", "S", "--token-env", "T"], "use one"),
                (["c", "--endpoint", "https://x.example.com", "--api-secret-env", "S", "--api-secret-file", "f"], "give one of"),
                (["c", "--endpoint", "https://x.example.com", "--client-cert", "c.pem"], "--client-cert and --client-key together"),
                (["c", "--endpoint", "http://x.example.com", "--token-env", "T"], "--allow-insecure-credentials"),
            ]
            for (arguments, message) in cases {
                let run = await runCLI(["context", "create"] + arguments, environment: env)
                #expect(run.status == 2, "\(arguments)")
                #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            }
            #expect(await runCLI(["context", "create", "c", "--endpoint", "https://x.example.com"], environment: env).status == 0)
            let again = await runCLI(["context", "create", "c", "--endpoint", "https://y.example.com"], environment: env)
            #expect(again.status == 2)
            #expect(again.stderr.contains("--force"))
            let forced = await runCLI(["context", "create", "c", "--endpoint", "https://y.example.com", "--force"], environment: env)
            #expect(forced.status == 0)
            let described = await runCLI(["context", "describe", "c", "--output", "json"], environment: env)
            let endpoint = try described.jsonLines().first?["endpoint"] as? String
            #expect(endpoint == "https://y.example.com")
        }
    }

    @Test("a config file others can read gets a warning on every command that reads it")
    func widePermissionsWarn() async throws {
        try await withConfigHome { env, file in
            _ = await runCLI(["context", "create", "c", "--endpoint", "http://127.0.0.1:1"], environment: env)
            #expect(chmod(file.path, 0o644) == 0)
            for arguments in [["context", "list"], ["topics", "list", "--cluster", "c", "--timeout", "0.1", "--retries", "0"]] {
                let run = await runCLI(arguments, environment: env)
                #expect(run.stderr.contains("warning: the config file \(file.path) can be read or changed by other users (mode 644); run chmod 600"), "\(run.stderr)")
            }
            #expect(chmod(file.path, 0o600) == 0)
            let quiet = await runCLI(["context", "list"], environment: env)
            #expect(!quiet.stderr.contains("warning"))
        }
    }

    @Test("precedence: options beat the environment, which beats the context")
    func precedence() async throws {
        try await withConfigHome { home, _ in
            try await withServer { server, _ in
                server.createTopic("orders")
                var env = home
                env["TEST_SECRET"] = TestCredentials.secret
                _ = await createContext("local", for: server, env, cluster: "wrong-cluster")
                let fromContext = await runCLI(["topics", "list", "--output", "json"], environment: env)
                #expect(fromContext.status == 3, "the context's cluster id is used: \(fromContext.stderr)")

                var withEnv = env
                withEnv["KAFKA_REST_CLUSTER_ID"] = server.clusterID
                let fromEnvironment = await runCLI(["topics", "list", "--output", "json"], environment: withEnv)
                #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")

                withEnv["KAFKA_REST_CLUSTER_ID"] = "also-wrong"
                let fromOption = await runCLI(["topics", "list", "--output", "json", "--cluster", server.clusterID], environment: withEnv)
                #expect(fromOption.status == 0, "\(fromOption.stderr)")

                var wrongSecret = env
                wrongSecret["KAFKA_REST_CLUSTER_ID"] = server.clusterID
                wrongSecret["KAFKA_REST_API_KEY"] = TestCredentials.key
                wrongSecret["KAFKA_REST_API_SECRET"] = "wrong-secret-from-env"
                let environmentCredentials = await runCLI(["topics", "list"], environment: wrongSecret)
                #expect(environmentCredentials.status == 3, "the environment's credentials replace the context's")
                #expect(environmentCredentials.stderr.contains("HTTP 401"))

                let optionCredentials = await runCLI(
                    ["topics", "list", "--api-key", TestCredentials.key, "--api-secret", TestCredentials.secret],
                    environment: wrongSecret
                )
                #expect(optionCredentials.status == 0, "\(optionCredentials.stderr)")
            }
        }
    }

    @Test("--context and KAFKA_REST_CONTEXT pick a context other than the current one")
    func selection() async throws {
        try await withConfigHome { home, _ in
            try await withServer { server, _ in
                server.createTopic("orders")
                var env = home
                env["TEST_SECRET"] = TestCredentials.secret
                _ = await runCLI(["context", "create", "elsewhere", "--endpoint", "http://127.0.0.1:1", "--cluster", "x"], environment: env)
                _ = await createContext("local", for: server, env)
                let current = await runCLI(["topics", "list", "--timeout", "1", "--retries", "0"], environment: env)
                #expect(current.status == 4, "the current context is 'elsewhere': \(current.stderr)")
                let option = await runCLI(["topics", "list", "--context", "local"], environment: env)
                #expect(option.status == 0, "\(option.stderr)")
                var named = env
                named["KAFKA_REST_CONTEXT"] = "local"
                #expect(await runCLI(["topics", "list"], environment: named).status == 0)
                named["KAFKA_REST_CONTEXT"] = "missing"
                let missing = await runCLI(["topics", "list"], environment: named)
                #expect(missing.status == 2)
                #expect(missing.stderr.contains("KAFKA_REST_CONTEXT names the context 'missing'"))
                let described = await runCLI(["context", "describe", "--output", "json"], environment: ["KAFKA_REST_CONTEXT": "local"].merging(env) { a, _ in a })
                let name = try described.jsonLines().first?["name"] as? String
                #expect(name == "local")
            }
        }
    }

    @Test("secret references: an unset variable or unreadable file is exit 2 naming it, and the secret never prints")
    func references() async throws {
        try await withConfigHome { env, _ in
            try await withServer { server, _ in
                _ = await createContext("local", for: server, env)
                let unset = await runCLI(["topics", "list"], environment: env)
                #expect(unset.status == 2)
                #expect(unset.stderr.contains("reads its API secret from the environment variable TEST_SECRET, which is not set"))

                _ = await runCLI(
                    ["context", "create", "filed", "--endpoint", "http://127.0.0.1:\(server.port)", "--cluster", server.clusterID,
                     "--api-key", TestCredentials.key, "--api-secret-file", "/nonexistent/secret", "--allow-insecure-credentials"],
                    environment: env
                )
                let unreadable = await runCLI(["topics", "list", "--context", "filed"], environment: env)
                #expect(unreadable.status == 2)
                #expect(unreadable.stderr.contains("cannot read the API secret file /nonexistent/secret of context 'filed'"))

                var withSecret = env
                withSecret["TEST_SECRET"] = TestCredentials.secret
                let verbose = await runCLI(["topics", "describe", "missing", "-v", "--context", "local"], environment: withSecret)
                #expect(verbose.status == 3)
                #expect(verbose.stderr.contains("> GET /v3/clusters/\(server.clusterID)/topics/missing"))
                #expect(!verbose.allOutput.contains(TestCredentials.secret))
                let basic = Data("\(TestCredentials.key):\(TestCredentials.secret)".utf8).base64EncodedString()
                #expect(!verbose.allOutput.contains(basic))
            }
        }
    }

    @Test("an inline secret in the file is scrubbed from server errors echoing it")
    func inlineSecretScrubbed() async throws {
        try await withConfigHome { env, _ in
            try await withServer { server, _ in
                _ = await runCLI(
                    ["context", "create", "local", "--endpoint", "http://127.0.0.1:\(server.port)", "--cluster", server.clusterID,
                     "--api-key", TestCredentials.key, "--api-secret", TestCredentials.secret, "--allow-insecure-credentials"],
                    environment: env
                )
                let run = await runCLI(["topics", "describe", TestCredentials.secret, "-v"], environment: env)
                #expect(run.status == 3)
                #expect(run.stderr.contains("<redacted>"))
                #expect(!run.allOutput.contains(TestCredentials.secret))
            }
        }
    }

    @Test("a context's credentials are not sent to another endpoint given by option or environment")
    func credentialsStayWithTheirEndpoint() async throws {
        try await withConfigHome { home, _ in
            try await withServer { server, _ in
                server.createTopic("orders")
                var env = home
                env["TEST_SECRET"] = TestCredentials.secret
                _ = await createContext("local", for: server, env)
                let same = await runCLI(["topics", "list", "--endpoint", "http://127.0.0.1:\(server.port)/v3"], environment: env)
                #expect(same.status == 0, "the same API base: \(same.stderr)")
                let other = try await KafkaRESTTestServer.start()
                let elsewhere = await runCLI(
                    ["topics", "list", "--endpoint", "http://127.0.0.1:\(other.port)", "--cluster", other.clusterID],
                    environment: env
                )
                let requests = other.requests
                try await other.stop()
                #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
                #expect(elsewhere.stderr.contains("note: the credentials of context 'local' are not sent to"))
                #expect(!requests.isEmpty)
                #expect(requests.allSatisfy { $0.headers["Authorization"] == nil })
            }
        }
    }

    @Test("a config file that is not JSON is exit 2 naming it")
    func corruptFile() async throws {
        try await withConfigHome { env, file in
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("{not json".utf8).write(to: file)
            chmod(file.path, 0o600)
            let run = await runCLI(["topics", "list", "--endpoint", "http://127.0.0.1:1", "--cluster", "c"], environment: env)
            #expect(run.status == 2)
            #expect(run.stderr.contains("the config file \(file.path) is not a kafka-rest config file"))
        }
    }
}
