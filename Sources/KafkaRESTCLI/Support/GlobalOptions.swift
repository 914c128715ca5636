import ArgumentParser

/// The connection and output options every command that talks to a server accepts.
///
/// Each option falls back to an environment variable, then to the selected context (see
/// ``ConnectionSettings``); prefer the environment or a context for secrets, since command
/// lines are visible to other users of the machine.
struct GlobalOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Saved context to connect with (env KAFKA_REST_CONTEXT; default: the current one, see `kafka-rest context`).",
        valueName: "name"
    ), completion: ContextCompletion.kind)
    var context: String?

    @Option(help: ArgumentHelp(
        "REST endpoint, such as https://pkc-00000.region.provider.confluent.cloud:443 or http://localhost:8082 (env KAFKA_REST_ENDPOINT).",
        valueName: "url"
    ))
    var endpoint: String?

    @Flag(help: "Treat the endpoint as Confluent Cloud (append /kafka/v3) even if its host is not under confluent.cloud.")
    var cloud = false

    @Option(help: ArgumentHelp("Kafka cluster id, such as lkc-abc123 (env KAFKA_REST_CLUSTER_ID).", valueName: "id"))
    var cluster: String?

    @Option(help: ArgumentHelp("API key or REST Proxy user (env KAFKA_REST_API_KEY).", valueName: "key"))
    var apiKey: String?

    @Option(help: ArgumentHelp(
        "API secret or password; prefer KAFKA_REST_API_SECRET or --api-secret-file.",
        valueName: "secret"
    ))
    var apiSecret: String?

    @Option(help: ArgumentHelp("File whose first line is the API secret.", valueName: "path"), completion: .file())
    var apiSecretFile: String?

    @Option(help: ArgumentHelp("OAuth bearer token instead of an API key; prefer KAFKA_REST_TOKEN or --token-file.", valueName: "token"))
    var token: String?

    @Option(help: ArgumentHelp("File whose first line is the OAuth bearer token.", valueName: "path"), completion: .file())
    var tokenFile: String?

    @Flag(help: "Allow sending credentials over plain http:// (env KAFKA_REST_ALLOW_INSECURE_CREDENTIALS=1).")
    var allowInsecureCredentials = false

    @Option(help: ArgumentHelp("PEM file of the certificate authorities to trust instead of the system's (env KAFKA_REST_CA_CERT).", valueName: "path"), completion: .file())
    var caCert: String?

    @Option(help: ArgumentHelp("PEM file with the client certificate chain for mutual TLS (env KAFKA_REST_CLIENT_CERT).", valueName: "path"), completion: .file())
    var clientCert: String?

    @Option(help: ArgumentHelp("PEM file with the client certificate's unencrypted private key (env KAFKA_REST_CLIENT_KEY).", valueName: "path"), completion: .file())
    var clientKey: String?

    @Flag(name: .shortAndLong, help: "Print each request (method, path and query) and its response status to standard error.")
    var verbose = false

    @Option(help: ArgumentHelp(
        "Output format: table, json or yaml (env KAFKA_REST_OUTPUT; default table when standard output is a terminal, json otherwise).",
        valueName: "format"
    ))
    var output: OutputFormat?

    @Option(help: ArgumentHelp("Seconds to wait for each request; for produce, also for a stream's response head and each delivery report (default 30).", valueName: "seconds"))
    var timeout: Double?

    @Option(help: ArgumentHelp("How often to repeat a request that failed transiently (default 4).", valueName: "count"))
    var retries: Int?
}
