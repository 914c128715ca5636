/// A saved context as `context list` and `describe` show it: every field but the secrets,
/// which appear as `<stored>` or their reference (`file:PATH`, `env:NAME`).
struct ContextView: Encodable, Sendable {
    /// The context's name.
    var name: String
    /// Whether it is the current context.
    var current: Bool
    /// The stored endpoint.
    var endpoint: String?
    /// Whether the endpoint is Confluent Cloud.
    var cloud: Bool
    /// The cluster id.
    var clusterID: String?
    /// The API key (not a secret).
    var apiKey: String?
    /// `<stored>`, `file:PATH` or `env:NAME`.
    var apiSecret: String?
    /// `<stored>`, `file:PATH` or `env:NAME`.
    var token: String?
    /// The trusted authorities' PEM file.
    var caCert: String?
    /// The client certificate's PEM file.
    var clientCert: String?
    /// The client key's PEM file.
    var clientKey: String?
    /// Whether credentials may go over plain `http://`.
    var allowInsecureCredentials: Bool

    enum CodingKeys: String, CodingKey {
        case name, current, endpoint, cloud, token
        case clusterID = "cluster_id"
        case apiKey = "api_key"
        case apiSecret = "api_secret"
        case caCert = "ca_cert"
        case clientCert = "client_cert"
        case clientKey = "client_key"
        case allowInsecureCredentials = "allow_insecure_credentials"
    }

    /// The view of `stored`, called `name`.
    init(name: String, stored: StoredContext, current: Bool) {
        self.name = name
        self.current = current
        endpoint = stored.endpoint
        cloud = stored.cloud == true
        clusterID = stored.clusterID
        apiKey = stored.apiKey
        apiSecret = stored.apiSecret?.shown
        token = stored.token?.shown
        caCert = stored.caCert
        clientCert = stored.clientCert
        clientKey = stored.clientKey
        allowInsecureCredentials = stored.allowInsecureCredentials == true
    }

    /// The credentials in a few words, such as `api key K, secret env:NAME`, or `-`.
    var credentials: String {
        if let token { return "token \(token)" }
        guard let apiKey else { return "-" }
        return "api key \(apiKey), secret \(apiSecret ?? "-")"
    }
}

/// One line of `context list`.
struct ContextSummary: Encodable, TableRow {
    /// The context.
    var view: ContextView

    init(_ view: ContextView) {
        self.view = view
    }

    func encode(to encoder: any Encoder) throws {
        try view.encode(to: encoder)
    }

    static let columns = ["CURRENT", "NAME", "ENDPOINT", "CLUSTER", "CREDENTIALS"]
    var cells: [String] {
        [view.current ? "*" : "", view.name, Cell.text(view.endpoint), Cell.text(view.clusterID), view.credentials]
    }
}

/// `context describe`: every field of one context.
struct ContextDetails: Encodable, TableRow {
    /// The context.
    var view: ContextView

    init(_ view: ContextView) {
        self.view = view
    }

    func encode(to encoder: any Encoder) throws {
        try view.encode(to: encoder)
    }

    static let columns = [
        "NAME", "CURRENT", "ENDPOINT", "CLOUD", "CLUSTER", "API_KEY", "API_SECRET", "TOKEN", "CA_CERT", "CLIENT_CERT",
        "CLIENT_KEY", "ALLOW_INSECURE_CREDENTIALS",
    ]
    var cells: [String] {
        [
            view.name, Cell.flag(view.current), Cell.text(view.endpoint), Cell.flag(view.cloud), Cell.text(view.clusterID),
            Cell.text(view.apiKey), Cell.text(view.apiSecret), Cell.text(view.token), Cell.text(view.caCert),
            Cell.text(view.clientCert), Cell.text(view.clientKey), Cell.flag(view.allowInsecureCredentials),
        ]
    }
}
