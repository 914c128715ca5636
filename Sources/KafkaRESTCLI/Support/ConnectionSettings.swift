import Foundation
import KafkaREST

/// The client configuration built from the options and the environment.
///
/// Endpoint rule: a URL with a path (`https://gateway.example.com/kafka-rest/v3`) is the API
/// base as is; otherwise `/kafka/v3` is appended for Confluent Cloud (a host under
/// `confluent.cloud`, or `--cloud`) and `/v3` for a self-managed REST Proxy (any other host).
///
/// Credentials come either all from options (`--api-key`, `--api-secret`, `--api-secret-file`,
/// `--token`) or, when none of those is given, all from the environment
/// (`KAFKA_REST_API_KEY`, `KAFKA_REST_API_SECRET`, `KAFKA_REST_TOKEN`). Without any, requests
/// are sent without `Authorization`.
struct ConnectionSettings {
    /// The client configuration.
    var configuration: KafkaRESTConfiguration
    /// The cluster id from `--cluster` or `KAFKA_REST_CLUSTER_ID`, if any.
    var clusterID: String?

    /// Builds the settings, registering every secret with the context's redactor first.
    ///
    /// - Throws: ``CLIError`` (exit status 2) naming the flag or variable to set or fix.
    init(options: GlobalOptions, context: CLIContext) throws {
        let environment = context.environment
        let credentials = try Self.credentials(options: options, environment: environment, redactor: context.redactor)
        if let warning = Self.commandLineSecretWarning(options) {
            context.console.printError(warning)
        }
        guard let endpoint = Self.value(options.endpoint, environment["KAFKA_REST_ENDPOINT"]) else {
            throw CLIError.usage(
                "no REST endpoint configured",
                hint: "pass --endpoint URL or set KAFKA_REST_ENDPOINT, for example https://pkc-00000.eu-west-1.aws.confluent.cloud:443 or http://localhost:8082"
            )
        }
        let baseURL = try Self.baseURL(endpoint: endpoint, cloud: options.cloud)
        let allowInsecure = options.allowInsecureCredentials
            || ["1", "true", "yes"].contains(environment["KAFKA_REST_ALLOW_INSECURE_CREDENTIALS"]?.lowercased() ?? "")
        if credentials != nil, baseURL.scheme?.lowercased() == "http", !allowInsecure {
            throw CLIError.usage(
                "refusing to send credentials over plain http:// to \(baseURL.host ?? "the endpoint")",
                hint: "use an https:// endpoint, or pass --allow-insecure-credentials (env KAFKA_REST_ALLOW_INSECURE_CREDENTIALS=1) for a trusted network"
            )
        }
        let timeout = try Self.timeout(options.timeout)
        let retries = options.retries ?? 4
        guard retries >= 0 else {
            throw CLIError.usage("--retries must be 0 or more, not \(retries)")
        }
        configuration = KafkaRESTConfiguration(
            baseURL: baseURL,
            clusterID: nil,
            credentials: credentials,
            allowsCredentialsOverPlainHTTP: allowInsecure,
            timeouts: Timeouts(connect: min(timeout, .seconds(10)), request: timeout),
            retry: RetryPolicy(maxAttempts: retries + 1, deadline: max(timeout * 2, .seconds(60)))
        )
        clusterID = Self.value(options.cluster, environment["KAFKA_REST_CLUSTER_ID"])
        configuration.clusterID = clusterID
    }

    /// The cluster id, required by every command below `cluster list`.
    func requireClusterID() throws -> String {
        guard let clusterID else {
            throw CLIError.usage(
                "no cluster id configured",
                hint: "pass --cluster ID or set KAFKA_REST_CLUSTER_ID; `kafka-rest cluster list` shows the ids"
            )
        }
        return clusterID
    }

    /// The first of `values` that is not empty after trimming whitespace.
    static func value(_ values: String?...) -> String? {
        values.lazy
            .compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }
            .first { !$0.isEmpty }
    }

    /// The API base URL for `endpoint` (see the type's rule).
    static func baseURL(endpoint: String, cloud: Bool) throws -> URL {
        let hint = "pass --endpoint URL or set KAFKA_REST_ENDPOINT to an http:// or https:// URL"
        // User info may hold a password: never echo such an endpoint.
        let shown = endpoint.contains("@") ? "(not shown: it contains '@')" : "'\(endpoint)'"
        guard var components = URLComponents(string: endpoint), endpoint.contains("://"),
              let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme)
        else {
            throw CLIError.usage("the endpoint \(shown) is not an http:// or https:// URL", hint: hint)
        }
        guard let host = components.host, !host.isEmpty else {
            throw CLIError.usage("the endpoint \(shown) has no host name", hint: hint)
        }
        guard components.user == nil, components.password == nil else {
            throw CLIError.usage(
                "the endpoint must not contain user info (name:password@)",
                hint: "pass credentials with KAFKA_REST_API_KEY and KAFKA_REST_API_SECRET"
            )
        }
        guard components.percentEncodedQuery == nil, components.fragment == nil else {
            throw CLIError.usage("the endpoint \(shown) must not have a query or fragment", hint: hint)
        }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") {
            path.removeLast()
        }
        if path.isEmpty {
            path = cloud || isConfluentCloud(host: host) ? "/kafka/v3" : "/v3"
        }
        components.percentEncodedPath = path
        guard let url = components.url else {
            throw CLIError.usage("the endpoint \(shown) does not form a valid URL", hint: hint)
        }
        return url
    }

    /// Whether `host` is a Confluent Cloud host, such as `pkc-00000.eu-west-1.aws.confluent.cloud`.
    static func isConfluentCloud(host: String) -> Bool {
        let lowercased = host.lowercased()
        return lowercased == "confluent.cloud" || lowercased.hasSuffix(".confluent.cloud")
    }

    /// The request timeout for `--timeout` seconds (30 s when not given).
    private static func timeout(_ seconds: Double?) throws -> Duration {
        guard let seconds else { return .seconds(30) }
        guard seconds > 0, seconds.isFinite else {
            throw CLIError.usage("--timeout must be a positive number of seconds, not \(seconds)")
        }
        return .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }

    /// The credentials from the options, or else from the environment; secrets are
    /// registered with `redactor` before anything else can fail.
    private static func credentials(
        options: GlobalOptions,
        environment: [String: String],
        redactor: Redactor
    ) throws -> Credentials? {
        let fileSecret = try options.apiSecretFile.map { try readSecret(path: $0, what: "API secret") }
        let fileToken = try options.tokenFile.map { try readSecret(path: $0, what: "token") }
        let fromOptions = [options.apiKey, options.apiSecret, fileSecret, options.token, fileToken].contains { $0 != nil }
        let key: String?
        let secret: String?
        let token: String?
        let names: (key: String, secret: String, token: String)
        if fromOptions {
            if options.apiSecret != nil, fileSecret != nil {
                throw CLIError.usage("both --api-secret and --api-secret-file given; use one")
            }
            if options.token != nil, fileToken != nil {
                throw CLIError.usage("both --token and --token-file given; use one")
            }
            key = value(options.apiKey)
            secret = value(options.apiSecret, fileSecret)
            token = value(options.token, fileToken)
            names = ("--api-key", "--api-secret-file (or --api-secret)", "--token-file (or --token)")
        } else {
            key = value(environment["KAFKA_REST_API_KEY"])
            secret = value(environment["KAFKA_REST_API_SECRET"])
            token = value(environment["KAFKA_REST_TOKEN"])
            names = ("KAFKA_REST_API_KEY", "KAFKA_REST_API_SECRET", "KAFKA_REST_TOKEN")
        }
        for hidden in [secret, token, options.apiSecret, options.token, environment["KAFKA_REST_API_SECRET"], environment["KAFKA_REST_TOKEN"]] {
            redactor.add(hidden ?? "")
        }
        if let key, let secret {
            redactor.addBasicCredentials(key: key, secret: secret)
        }
        switch (key, secret, token) {
        case (nil, nil, nil):
            return nil
        case (_, _, .some) where key != nil || secret != nil:
            throw CLIError.usage("both an API key and a bearer token are configured; use one (\(names.key) and \(names.secret), or \(names.token))")
        case (nil, nil, let token?):
            return .bearer(StaticBearerToken(token))
        case (let key?, let secret?, nil):
            return .apiKey(key: key, secret: secret)
        case (.some, nil, nil):
            throw CLIError.usage("an API key is configured but no secret", hint: "set \(names.secret)")
        default:
            throw CLIError.usage("an API secret is configured but no key", hint: "set \(names.key)")
        }
    }

    /// The warning for a secret given on the command line, where other users of the machine
    /// can read it (`/proc/PID/cmdline`, `ps`), or `nil`.
    static func commandLineSecretWarning(_ options: GlobalOptions) -> String? {
        let given = [options.apiSecret.map { _ in "--api-secret" }, options.token.map { _ in "--token" }].compactMap { $0 }
        guard !given.isEmpty else { return nil }
        return "warning: \(given.joined(separator: " and ")) on the command line can be read by other users of this machine (ps, /proc); prefer --api-secret-file / --token-file or KAFKA_REST_API_SECRET / KAFKA_REST_TOKEN"
    }

    /// The first line of the file at `path`.
    private static func readSecret(path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.usage("cannot read the \(what) file \(path)")
        }
        let text = String(decoding: data, as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    }
}
