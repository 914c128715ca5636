import Foundation

/// A saved connection, created with `kafka-rest context create NAME …` and stored in the
/// config file (``ContextStore``).
///
/// Every field is optional; a run takes each one the options and the environment leave
/// unset (see ``ConnectionSettings``). Paths are stored absolute.
struct StoredContext: Codable, Equatable, Sendable {
    /// The REST endpoint, as for `--endpoint`.
    var endpoint: String?
    /// Whether the endpoint is Confluent Cloud (`--cloud`).
    var cloud: Bool?
    /// The cluster id.
    var clusterID: String?
    /// The API key or REST Proxy user.
    var apiKey: String?
    /// Where the API secret is.
    var apiSecret: SecretReference?
    /// Where the OAuth bearer token is.
    var token: SecretReference?
    /// A PEM file of the certificate authorities to trust instead of the system's.
    var caCert: String?
    /// A PEM file with the client certificate chain, for mutual TLS.
    var clientCert: String?
    /// A PEM file with the client certificate's private key.
    var clientKey: String?
    /// Whether credentials may go over plain `http://`.
    var allowInsecureCredentials: Bool?

    enum CodingKeys: String, CodingKey {
        case endpoint, cloud, token
        case clusterID = "cluster_id"
        case apiKey = "api_key"
        case apiSecret = "api_secret"
        case caCert = "ca_cert"
        case clientCert = "client_cert"
        case clientKey = "client_key"
        case allowInsecureCredentials = "allow_insecure_credentials"
    }

    /// Whether the context holds any credential: an API key, a secret, a token or a client
    /// certificate.
    var hasCredentials: Bool {
        apiKey != nil || apiSecret != nil || token != nil || clientCert != nil || clientKey != nil
    }

    /// The secrets stored in the file itself.
    var inlineSecrets: [String] {
        [apiSecret, token].compactMap { reference in
            if case .inline(let value)? = reference { value } else { nil }
        }
    }
}

/// Where a context's secret (API secret or token) is: in the config file, in a file of its
/// own, or in an environment variable, read at each run.
///
/// In the config file: `{"value": "…"}`, `{"file": "/path"}` or `{"env": "NAME"}`.
enum SecretReference: Codable, Equatable, Sendable {
    /// The secret itself, stored in the config file.
    case inline(String)
    /// A file whose first line is the secret.
    case file(String)
    /// An environment variable holding the secret.
    case environment(String)

    private enum CodingKeys: String, CodingKey {
        case value, file, env
    }

    /// What `context list` and `describe` show instead of the secret: `<stored>`,
    /// `file:PATH` or `env:NAME`.
    var shown: String {
        switch self {
        case .inline: "<stored>"
        case .file(let path): "file:\(path)"
        case .environment(let name): "env:\(name)"
        }
    }

    /// Decodes the one member that says where the secret is.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let value = try container.decodeIfPresent(String.self, forKey: .value) {
            self = .inline(value)
        } else if let path = try container.decodeIfPresent(String.self, forKey: .file) {
            self = .file(path)
        } else if let name = try container.decodeIfPresent(String.self, forKey: .env) {
            self = .environment(name)
        } else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "expected one of value, file or env")
            )
        }
    }

    /// Encodes the one member that says where the secret is.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .inline(let value): try container.encode(value, forKey: .value)
        case .file(let path): try container.encode(path, forKey: .file)
        case .environment(let name): try container.encode(name, forKey: .env)
        }
    }

    /// The secret: the stored value, the first line of the file, or the variable's value.
    ///
    /// - Parameters:
    ///   - what: `API secret` or `token`, for messages.
    ///   - contextName: The context, for messages.
    ///   - environment: The run's environment variables.
    /// - Throws: ``CLIError`` (exit status 2) when the file cannot be read or the variable is
    ///   unset or empty.
    func resolve(what: String, contextName: String, environment: [String: String]) throws -> String {
        switch self {
        case .inline(let value):
            return value
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIError.usage(
                    "cannot read the \(what) file \(path) of context '\(contextName)'",
                    hint: "fix the file, or store another reference with `kafka-rest context create \(contextName) --force …`"
                )
            }
            return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else {
                throw CLIError.usage(
                    "context '\(contextName)' reads its \(what) from the environment variable \(name), which is not set",
                    hint: "export \(name), or store another reference with `kafka-rest context create \(contextName) --force …`"
                )
            }
            return value
        }
    }
}

/// The config file's content: the contexts by name and the current one.
struct ContextFile: Codable, Equatable, Sendable {
    /// The context used when none is named (`kafka-rest context use NAME`).
    var current: String?
    /// The contexts by name.
    var contexts: [String: StoredContext]

    /// A file with `contexts`.
    init(current: String? = nil, contexts: [String: StoredContext] = [:]) {
        self.current = current
        self.contexts = contexts
    }

    /// Decodes a file; a missing `contexts` member means none.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        current = try container.decodeIfPresent(String.self, forKey: .current)
        contexts = try container.decodeIfPresent([String: StoredContext].self, forKey: .contexts) ?? [:]
    }
}
