import ArgumentParser
import Foundation

/// `kafka-rest context`: saved connections in the config file (``ContextStore``).
struct ContextCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "context",
        abstract: "Save, choose and inspect connections (endpoint, cluster, credentials, TLS files).",
        discussion: """
            Contexts live in $XDG_CONFIG_HOME/kafka-rest/config.json (else \\
            ~/.config/kafka-rest/config.json), mode 0600; kafka-rest warns when others can read \\
            it. A run uses the context named by --context or KAFKA_REST_CONTEXT, else the \\
            current one (`context use`); options and environment variables beat its fields.
            A secret or token is stored as a reference, read at each run (--api-secret-file, \\
            --api-secret-env, --token-file, --token-env), or in the file itself (--api-secret, \\
            --token; with a warning). `list` and `describe` never show a secret.
            """,
        subcommands: [Create.self, Use.self, List.self, Describe.self, Delete.self]
    )

    /// `context create NAME …`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Save a context; the first one saved becomes the current one.",
            discussion: "Relative file paths are stored as absolute paths. --force replaces a context of the same name."
        )

        @Argument(help: "The context's name: letters, digits, '.', '_' and '-'.") var name: String
        @Option(help: ArgumentHelp("REST endpoint, as for --endpoint.", valueName: "url")) var endpoint: String
        @Flag(help: "Treat the endpoint as Confluent Cloud.") var cloud = false
        @Option(help: ArgumentHelp("Kafka cluster id.", valueName: "id")) var cluster: String?
        @Option(help: ArgumentHelp("API key or REST Proxy user.", valueName: "key")) var apiKey: String?
        @Option(help: ArgumentHelp("API secret, stored in the config file (prefer --api-secret-file or --api-secret-env).", valueName: "secret"))
        var apiSecret: String?
        @Option(help: ArgumentHelp("File whose first line is the API secret, read at each run.", valueName: "path"))
        var apiSecretFile: String?
        @Option(help: ArgumentHelp("Environment variable holding the API secret at each run.", valueName: "name"))
        var apiSecretEnv: String?
        @Option(help: ArgumentHelp("OAuth bearer token, stored in the config file (prefer --token-file or --token-env).", valueName: "token"))
        var token: String?
        @Option(help: ArgumentHelp("File whose first line is the bearer token, read at each run.", valueName: "path"))
        var tokenFile: String?
        @Option(help: ArgumentHelp("Environment variable holding the bearer token at each run.", valueName: "name"))
        var tokenEnv: String?
        @Option(help: ArgumentHelp("PEM file of the certificate authorities to trust.", valueName: "path")) var caCert: String?
        @Option(help: ArgumentHelp("PEM file with the client certificate chain (mutual TLS).", valueName: "path")) var clientCert: String?
        @Option(help: ArgumentHelp("PEM file with the client certificate's private key.", valueName: "path")) var clientKey: String?
        @Flag(help: "Allow sending this context's credentials over plain http://.") var allowInsecureCredentials = false
        @Flag(help: "Make it the current context.") var use = false
        @Flag(help: "Replace a context of the same name.") var force = false

        func validate() throws {
            guard name.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]*$", options: .regularExpression) != nil else {
                throw ValidationError("a context name is letters, digits, '.', '_' and '-', starting with a letter or digit")
            }
            guard [apiSecret, apiSecretFile, apiSecretEnv].compactMap({ $0 }).count <= 1 else {
                throw ValidationError("give one of --api-secret, --api-secret-file and --api-secret-env")
            }
            guard [token, tokenFile, tokenEnv].compactMap({ $0 }).count <= 1 else {
                throw ValidationError("give one of --token, --token-file and --token-env")
            }
            guard (clientCert == nil) == (clientKey == nil) else {
                throw ValidationError("give --client-cert and --client-key together")
            }
        }

        func run() async throws {
            let context = CLIContext.current
            let console = context.output
            let baseURL = try ConnectionSettings.baseURL(endpoint: endpoint, cloud: cloud)
            let secret = Self.reference(inline: apiSecret, file: apiSecretFile, environment: apiSecretEnv)
            let bearer = Self.reference(inline: token, file: tokenFile, environment: tokenEnv)
            switch (apiKey, secret, bearer) {
            case (.some, .some, nil), (nil, nil, .some), (nil, nil, nil):
                break
            case (_, _, .some):
                throw CLIError.usage("both an API key and a bearer token given; use one")
            case (.some, nil, nil):
                throw CLIError.usage("an API key needs its secret", hint: "add --api-secret-file PATH or --api-secret-env NAME")
            case (nil, .some, nil):
                throw CLIError.usage("an API secret needs its key", hint: "add --api-key KEY")
            }
            if apiKey != nil || bearer != nil, baseURL.scheme?.lowercased() == "http", !allowInsecureCredentials {
                throw CLIError.usage(
                    "refusing to store credentials for plain http:// at \(baseURL.host ?? "the endpoint")",
                    hint: "use an https:// endpoint, or pass --allow-insecure-credentials for a trusted network"
                )
            }
            let store = ContextStore(environment: context.environment)
            var file = try store.load(warn: console.printError)
            guard force || file.contexts[name] == nil else {
                throw CLIError.usage("a context named '\(name)' exists", hint: "pass --force to replace it, or pick another name")
            }
            file.contexts[name] = StoredContext(
                endpoint: endpoint,
                cloud: cloud ? true : nil,
                clusterID: ConnectionSettings.value(cluster),
                apiKey: ConnectionSettings.value(apiKey),
                apiSecret: secret,
                token: bearer,
                caCert: caCert.map(Self.absolute),
                clientCert: clientCert.map(Self.absolute),
                clientKey: clientKey.map(Self.absolute),
                allowInsecureCredentials: allowInsecureCredentials ? true : nil
            )
            let becomesCurrent = use || file.current == nil
            if becomesCurrent {
                file.current = name
            }
            try store.save(file)
            for (option, reference) in [("--api-secret", secret), ("--token", bearer)] {
                if case .inline? = reference {
                    console.printError(
                        "warning: \(option) is stored as is in \(store.url.path), readable by anyone who can read that file; prefer \(option)-file or \(option)-env"
                    )
                }
            }
            console.printError("Saved context \(name) in \(store.url.path)\(becomesCurrent ? "; it is the current context" : "").")
        }

        /// Where the secret given by one of the three options is.
        private static func reference(inline: String?, file: String?, environment: String?) -> SecretReference? {
            if let inline { return .inline(inline) }
            if let file { return .file(absolute(file)) }
            return environment.map { .environment($0) }
        }

        /// `path` made absolute against the working directory.
        private static func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.path
        }
    }

    /// `context use NAME`.
    struct Use: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a context the current one.")

        @Argument(help: "The context.", completion: ContextCompletion.kind) var name: String

        func run() async throws {
            let context = CLIContext.current
            let store = ContextStore(environment: context.environment)
            var file = try store.load(warn: context.output.printError)
            try Self.requireContext(name, in: file, store: store)
            file.current = name
            try store.save(file)
            context.output.printError("Using context \(name).")
        }

        /// Throws unless `file` has a context called `name`.
        static func requireContext(_ name: String, in file: ContextFile, store: ContextStore) throws {
            guard file.contexts[name] != nil else {
                throw CLIError.usage(
                    "there is no context named '\(name)' in \(store.url.path)",
                    hint: "`kafka-rest context list` shows the contexts"
                )
            }
        }
    }

    /// `context list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the contexts; the current one is marked with *.")

        @Option(help: ArgumentHelp("Output format: table, json or yaml.", valueName: "format")) var output: OutputFormat?

        func run() async throws {
            let context = CLIContext.current
            let file = try ContextStore(environment: context.environment).load(warn: context.output.printError)
            let printer = Printer(format: try OutputFormat.resolve(option: output, context: context), console: context.output)
            let contexts = file.contexts.sorted { $0.key < $1.key }
            try printer.show(contexts.map { ContextSummary(ContextView(name: $0.key, stored: $0.value, current: file.current == $0.key)) })
        }
    }

    /// `context describe [NAME]`.
    struct Describe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a context's settings (secrets as <stored> or their reference).",
            discussion: "Without a name: the context a run would use (KAFKA_REST_CONTEXT, else the current one)."
        )

        @Argument(help: "The context.", completion: ContextCompletion.kind) var name: String?
        @Option(help: ArgumentHelp("Output format: table, json or yaml.", valueName: "format")) var output: OutputFormat?

        func run() async throws {
            let context = CLIContext.current
            let store = ContextStore(environment: context.environment)
            let printer = Printer(format: try OutputFormat.resolve(option: output, context: context), console: context.output)
            let file = try store.load(warn: context.output.printError)
            guard let chosen = name ?? ConnectionSettings.value(context.environment["KAFKA_REST_CONTEXT"]) ?? file.current else {
                throw CLIError.usage("no context is selected", hint: "name one, or choose one with `kafka-rest context use NAME`")
            }
            try Use.requireContext(chosen, in: file, store: store)
            let stored = file.contexts[chosen] ?? StoredContext()
            try printer.show(ContextDetails(ContextView(name: chosen, stored: stored, current: file.current == chosen)))
        }
    }

    /// `context delete NAME`.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a context (secret files it refers to are left alone).")

        @Argument(help: "The context.", completion: ContextCompletion.kind) var name: String

        func run() async throws {
            let context = CLIContext.current
            let store = ContextStore(environment: context.environment)
            var file = try store.load(warn: context.output.printError)
            try Use.requireContext(name, in: file, store: store)
            file.contexts[name] = nil
            let wasCurrent = file.current == name
            if wasCurrent {
                file.current = nil
            }
            try store.save(file)
            context.output.printError("Deleted context \(name)\(wasCurrent ? "; no context is current now" : "").")
        }
    }
}
