import Foundation
import Logging
import Metrics
import Tracing

/// Everything a ``KafkaRESTClient`` needs: where the API is, how to authenticate, and how to
/// time out, retry, log and spread connections.
///
/// ```swift
/// let configuration = try KafkaRESTConfiguration.confluentCloud(
///     restEndpoint: "https://pkc-00000.eu-west-1.aws.confluent.cloud:443",
///     clusterID: "lkc-abc123", apiKey: key, apiSecret: secret)
/// ```
///
/// The descriptions and the mirror never show the API secret or a bearer token.
public struct KafkaRESTConfiguration: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The full API base URL, including `/kafka/v3` (Confluent Cloud) or `/v3` (self-managed
    /// REST Proxy), for example `https://pkc-00000.eu-west-1.aws.confluent.cloud/kafka/v3`.
    public var baseURL: URL
    /// The cluster used when an operation is not given one (see ``KafkaRESTClient/requireClusterID()``).
    public var clusterID: String?
    /// How to authenticate; `nil` sends no `Authorization` header.
    public var credentials: Credentials?
    /// Whether credentials may be sent over plain `http://`. `false` (the default) makes the
    /// client refuse to start with credentials and an `http://` base URL; set it for a
    /// self-managed proxy on localhost or a trusted network.
    public var allowsCredentialsOverPlainHTTP: Bool
    /// Connect and per-request timeouts.
    public var timeouts: Timeouts
    /// When failed requests are repeated.
    public var retry: RetryPolicy
    /// How long connections are kept.
    public var connectionBias: ConnectionBias
    /// Where request logs go (debug and trace levels only).
    public var logger: Logger
    /// Whether every JSON request body is checked against its schema before it is sent
    /// (see ``RequestValidationMiddleware``); off by default.
    public var validatesRequests: Bool
    /// Where the span of each operation (and of each produce stream's opening) goes: the
    /// tracer bootstrapped with `InstrumentationSystem` when the configuration was made, by
    /// default; `nil` records none (see ``TracingMiddleware``).
    public var tracer: (any Tracer)? = InstrumentationSystem.tracer
    /// Where the client's and its producers' metrics go (see ``MetricNames``): the factory
    /// bootstrapped with `MetricsSystem`, read when the client is created, unless set.
    public var metricsFactory: (any MetricsFactory)?
    /// Whom the HTTPS connections trust and the client certificate they show (mutual TLS);
    /// the system's trust store and no certificate by default. Used by the HTTP client that
    /// ``KafkaRESTClient/init(configuration:middlewares:)`` creates.
    public var tls = TLSSettings()

    /// Creates a configuration.
    ///
    /// A `baseURL` with user info (`https://name:password@host/…`) is accepted here but
    /// refused when a ``KafkaRESTClient`` is created: pass credentials as `credentials`.
    ///
    /// - Parameters:
    ///   - baseURL: The full API base URL including `/kafka/v3` or `/v3`.
    ///   - clusterID: The default cluster.
    ///   - credentials: How to authenticate.
    ///   - allowsCredentialsOverPlainHTTP: Whether credentials may be sent over `http://`.
    ///   - timeouts: Connect (10 s) and request (30 s) timeouts.
    ///   - retry: The retry policy; ``RetryPolicy/standard`` by default.
    ///   - connectionBias: ``ConnectionBias/keepAlive`` by default.
    ///   - logger: A swift-log logger; `Logger(label: "kafka-rest")` by default.
    ///   - validatesRequests: Whether request bodies are validated before sending; off by default.
    public init(
        baseURL: URL,
        clusterID: String? = nil,
        credentials: Credentials? = nil,
        allowsCredentialsOverPlainHTTP: Bool = false,
        timeouts: Timeouts = Timeouts(),
        retry: RetryPolicy = .standard,
        connectionBias: ConnectionBias = .keepAlive,
        logger: Logger = Logger(label: "kafka-rest"),
        validatesRequests: Bool = false
    ) {
        self.baseURL = baseURL
        self.clusterID = clusterID
        self.credentials = credentials
        self.allowsCredentialsOverPlainHTTP = allowsCredentialsOverPlainHTTP
        self.timeouts = timeouts
        self.retry = retry
        self.connectionBias = connectionBias
        self.logger = logger
        self.validatesRequests = validatesRequests
    }

    /// A configuration for Confluent Cloud with an API key.
    ///
    /// - Parameters:
    ///   - restEndpoint: The cluster's REST endpoint as shown in the Cloud console, such as
    ///     `https://pkc-00000.eu-west-1.aws.confluent.cloud:443`; `/kafka/v3` is appended
    ///     (an endpoint already ending in `/kafka/v3` is kept as is).
    ///   - clusterID: The cluster id, such as `lkc-abc123`.
    ///   - apiKey: The API key id.
    ///   - apiSecret: The API secret.
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest`` saying what
    ///   is wrong when the endpoint is not an `https://` URL with a host and no path, query or
    ///   user info, or when the cluster id, key or secret is empty.
    public static func confluentCloud(
        restEndpoint: String,
        clusterID: String,
        apiKey: String,
        apiSecret: String
    ) throws -> Self {
        for (name, value) in [("clusterID", clusterID), ("apiKey", apiKey), ("apiSecret", apiSecret)] where value.isEmpty {
            throw KafkaRESTError(kind: .invalidRequest, message: "\(name) is empty")
        }
        let components = try EndpointURL.parse(restEndpoint, parameter: "restEndpoint", allowedSchemes: ["https"])
        let baseURL = try EndpointURL.appendingVersionPath(to: components, suffix: "/kafka/v3", parameter: "restEndpoint")
        return Self(baseURL: baseURL, clusterID: clusterID, credentials: .apiKey(key: apiKey, secret: apiSecret))
    }

    /// A configuration for a self-managed Kafka REST Proxy.
    ///
    /// - Parameters:
    ///   - url: The proxy's URL, such as `http://localhost:8082` or
    ///     `https://gateway.example.com/kafka-rest`; `/v3` is appended to its path (a URL
    ///     already ending in `/v3` is kept as is).
    ///   - clusterID: The default cluster, if any.
    ///   - credentials: How to authenticate. With an `http://` URL also set
    ///     ``allowsCredentialsOverPlainHTTP`` on the result, or the client refuses to start.
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest`` saying what
    ///   is wrong when `url` is not an `http://` or `https://` URL with a host and without a
    ///   query or user info.
    public static func selfManaged(url: String, clusterID: String? = nil, credentials: Credentials? = nil) throws -> Self {
        let components = try EndpointURL.parse(url, parameter: "url", allowedSchemes: ["http", "https"])
        let baseURL = try EndpointURL.appendingVersionPath(to: components, suffix: "/v3", parameter: "url")
        return Self(baseURL: baseURL, clusterID: clusterID, credentials: credentials)
    }

    /// The base URL (without user info), cluster, redacted credentials and policies, for example
    /// `KafkaRESTConfiguration(baseURL: https://…/kafka/v3, clusterID: lkc-1, credentials: apiKey(key: ABCD…, secret: <redacted>), …)`.
    public var description: String {
        let fields = [
            "baseURL: \(EndpointURL.describe(baseURL))",
            "clusterID: \(clusterID ?? "nil")",
            "credentials: \(credentials.map(\.description) ?? "nil")",
            "allowsCredentialsOverPlainHTTP: \(allowsCredentialsOverPlainHTTP)",
            "timeouts: \(timeouts)",
            "retry: \(retry)",
            "connectionBias: \(connectionBias)",
            "logger: \(logger.label)",
            "validatesRequests: \(validatesRequests)",
        ]
        return "KafkaRESTConfiguration(\(fields.joined(separator: ", ")))"
    }

    /// The same text as ``description``.
    public var debugDescription: String { description }
}
