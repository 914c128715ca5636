import Foundation
import KafkaREST

/// The client configuration built from the options, the environment and the selected context.
///
/// Precedence: an option beats its environment variable, which beats the context (`--context
/// NAME`, else `KAFKA_REST_CONTEXT`, else the current context of `kafka-rest context use`).
///
/// Endpoint rule: a URL with a path (`https://gateway.example.com/kafka-rest/v3`) is the API
/// base as is; otherwise `/kafka/v3` is appended for Confluent Cloud (a host under
/// `confluent.cloud`, or `--cloud`) and `/v3` for a self-managed REST Proxy (any other host).
///
/// Credentials come whole from one place: the options (`--api-key`, `--api-secret`,
/// `--api-secret-file`, `--token`, `--token-file`) if any is given, else the environment
/// (`KAFKA_REST_API_KEY`, `KAFKA_REST_API_SECRET`, `KAFKA_REST_TOKEN`) if any is set, else the
/// context. The client certificate and key (`--client-cert`, `--client-key`) likewise come as a
/// pair. A context's credentials and client certificate go only to its own endpoint: with
/// another endpoint from an option or the environment they are left out (with a note). Without
/// any credentials, requests are sent without `Authorization`.
struct ConnectionSettings {
    /// The client configuration.
    var configuration: KafkaRESTConfiguration
    /// The cluster id from `--cluster`, `KAFKA_REST_CLUSTER_ID` or the context, if any.
    var clusterID: String?

    /// Builds the settings, registering every secret with the context's redactor first.
    ///
    /// - Throws: ``CLIError`` (exit status 2) naming the flag or variable to set or fix.
    init(options: GlobalOptions, context: CLIContext) throws {
        let environment = context.environment
        let selected = try SelectedContext.select(option: options.context, context: context)
        let stored = selected?.context
        let givenEndpoint = Self.value(options.endpoint, environment["KAFKA_REST_ENDPOINT"])
        guard let endpoint = givenEndpoint ?? stored?.endpoint else {
            throw CLIError.usage(
                "no REST endpoint configured",
                hint: "pass --endpoint URL or set KAFKA_REST_ENDPOINT, for example https://pkc-00000.eu-west-1.aws.confluent.cloud:443 or http://localhost:8082, or save one with `kafka-rest context create`"
            )
        }
        let baseURL = try Self.baseURL(endpoint: endpoint, cloud: options.cloud || (givenEndpoint == nil && stored?.cloud == true))
        let contextForCredentials = selected.flatMap { selected in
            Self.sendsCredentials(of: selected, to: baseURL, given: givenEndpoint != nil) ? selected : nil
        }
        if let selected, contextForCredentials == nil, selected.context.hasCredentials {
            context.output.printError(
                "note: the credentials of context '\(selected.name)' are not sent to \(Self.shown(endpoint)), which is not its endpoint"
            )
        }
        let credentials = try Self.credentials(
            options: options,
            environment: environment,
            context: contextForCredentials,
            redactor: context.redactor
        )
        if let warning = Self.commandLineSecretWarning(options) {
            context.output.printError(warning)
        }
        let allowInsecure = options.allowInsecureCredentials
            || ["1", "true", "yes"].contains(environment["KAFKA_REST_ALLOW_INSECURE_CREDENTIALS"]?.lowercased() ?? "")
            || contextForCredentials?.context.allowInsecureCredentials == true
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
        configuration.tls = try Self.tls(options: options, environment: environment, stored: stored, credentialContext: contextForCredentials?.context)
        clusterID = Self.value(options.cluster, environment["KAFKA_REST_CLUSTER_ID"], stored?.clusterID)
        configuration.clusterID = clusterID
    }

    /// Whether `selected`'s credentials may go to `baseURL`: always when the endpoint is the
    /// context's own, and when an option or variable `given` one, only if it leads to the same
    /// API base as the context's.
    private static func sendsCredentials(of selected: SelectedContext, to baseURL: URL, given: Bool) -> Bool {
        guard given else { return true }
        guard let own = selected.context.endpoint else { return false }
        return (try? Self.baseURL(endpoint: own, cloud: selected.context.cloud == true)) == baseURL
    }

    /// The TLS settings: trusted authorities from `--ca-cert`, `KAFKA_REST_CA_CERT` or the
    /// context; the client certificate and key as a pair from the options, the environment
    /// (`KAFKA_REST_CLIENT_CERT`, `KAFKA_REST_CLIENT_KEY`) or `credentialContext`.
    private static func tls(
        options: GlobalOptions,
        environment: [String: String],
        stored: StoredContext?,
        credentialContext: StoredContext?
    ) throws -> TLSSettings {
        let caCert = value(options.caCert, environment["KAFKA_REST_CA_CERT"], stored?.caCert)
        let pair: (certificate: String?, key: String?, names: String)
        if options.clientCert != nil || options.clientKey != nil {
            pair = (value(options.clientCert), value(options.clientKey), "--client-cert and --client-key")
        } else if value(environment["KAFKA_REST_CLIENT_CERT"], environment["KAFKA_REST_CLIENT_KEY"]) != nil {
            pair = (value(environment["KAFKA_REST_CLIENT_CERT"]), value(environment["KAFKA_REST_CLIENT_KEY"]), "KAFKA_REST_CLIENT_CERT and KAFKA_REST_CLIENT_KEY")
        } else {
            pair = (credentialContext?.clientCert, credentialContext?.clientKey, "the context's client certificate and key")
        }
        var tls = TLSSettings(trustRoots: caCert.map { .pemFile($0) } ?? .system)
        switch (pair.certificate, pair.key) {
        case (let certificate?, let key?):
            tls.clientCertificate = .pemFiles(certificateChain: certificate, privateKey: key)
        case (nil, nil):
            break
        default:
            throw CLIError.usage("a client certificate needs its private key: give both \(pair.names)")
        }
        return tls
    }

    /// The cluster id, required by every command below `cluster list`.
    func requireClusterID() throws -> String {
        guard let clusterID else {
            throw CLIError.usage(
                "no cluster id configured",
                hint: "pass --cluster ID, set KAFKA_REST_CLUSTER_ID or store one in the context; `kafka-rest cluster list` shows the ids"
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
        let shown = Self.shown(endpoint)
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

    /// `endpoint` quoted for a message, or a placeholder when it contains `@`: user info may
    /// hold a password, so such an endpoint is never echoed.
    static func shown(_ endpoint: String) -> String {
        endpoint.contains("@") ? "(not shown: it contains '@')" : "'\(endpoint)'"
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

    /// The credentials from the options, or else from the environment, or else from
    /// `context`; secrets are registered with `redactor` before anything else can fail.
    private static func credentials(
        options: GlobalOptions,
        environment: [String: String],
        context: SelectedContext?,
        redactor: Redactor
    ) throws -> Credentials? {
        let fileSecret = try options.apiSecretFile.map { try readSecret(path: $0, what: "API secret") }
        let fileToken = try options.tokenFile.map { try readSecret(path: $0, what: "token") }
        let fromOptions = [options.apiKey, options.apiSecret, fileSecret, options.token, fileToken].contains { $0 != nil }
        let fromEnvironment = value(environment["KAFKA_REST_API_KEY"], environment["KAFKA_REST_API_SECRET"], environment["KAFKA_REST_TOKEN"]) != nil
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
        } else if fromEnvironment || context == nil {
            key = value(environment["KAFKA_REST_API_KEY"])
            secret = value(environment["KAFKA_REST_API_SECRET"])
            token = value(environment["KAFKA_REST_TOKEN"])
            names = ("KAFKA_REST_API_KEY", "KAFKA_REST_API_SECRET", "KAFKA_REST_TOKEN")
        } else {
            let name = context?.name ?? ""
            let stored = context?.context
            key = value(stored?.apiKey)
            secret = value(try stored?.apiSecret?.resolve(what: "API secret", contextName: name, environment: environment))
            token = value(try stored?.token?.resolve(what: "token", contextName: name, environment: environment))
            let hint = "`kafka-rest context create \(name) --force` with "
            names = (hint + "--api-key", hint + "--api-secret-file (or --api-secret-env)", hint + "--token-file (or --token-env)")
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
