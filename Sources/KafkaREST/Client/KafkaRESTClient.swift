import Foundation
import Logging
import Tracing

/// The entry point: the generated API operations sent through credentials, retry, logging
/// and connection-bias middlewares over an HTTP transport.
///
/// ```swift
/// let kafka = try KafkaRESTClient(configuration: .confluentCloud(
///     restEndpoint: endpoint, clusterID: "lkc-abc123", apiKey: key, apiSecret: secret))
/// let topics = try await kafka.topic.listKafkaTopics(clusterID: kafka.requireClusterID())
/// try await kafka.shutdown()
/// ```
///
/// Every request passes, in this order (the streams of a ``StreamingProducer`` too, through
/// ``Middleware/interceptStream(_:next:)``):
/// 1. ``RequestValidationMiddleware`` (if ``KafkaRESTConfiguration/validatesRequests`` is set)
///    refuses a body that does not match its schema, before anything is sent;
/// 2. your own middlewares (`middlewares:` of the initialisers), once per call, before the
///    credentials are added (so they never see them) and outside the retries;
/// 3. ``TracingMiddleware`` (if ``KafkaRESTConfiguration/tracer`` is set and not the no-op
///    tracer) records one span per operation, around everything below;
/// 3. ``MetricsMiddleware`` counts and times each call (``MetricNames``);
/// 4. ``CredentialsMiddleware`` (if ``KafkaRESTConfiguration/credentials`` is set) adds
///    `Authorization`, once per call, and refreshes a bearer token once on 401;
/// 5. ``RetryMiddleware`` repeats retryable failures per ``KafkaRESTConfiguration/retry``;
/// 6. ``LoggingMiddleware`` logs every attempt to ``KafkaRESTConfiguration/logger``;
/// 7. ``ConnectionBiasMiddleware`` (unless ``ConnectionBias/keepAlive``) adds `Connection: close`;
/// 8. the transport.
///
/// Above them all, a ``TransportFailure`` that ends a call is turned into a ``KafkaRESTError``
/// of kind ``KafkaRESTError/Kind/transport``, so operations throw only ``KafkaRESTError``
/// (besides cancellation and errors of a ``BearerTokenProvider``).
@dynamicMemberLookup
public final class KafkaRESTClient: Sendable, CustomStringConvertible, CustomReflectable {
    /// The configuration the client was created with.
    public let configuration: KafkaRESTConfiguration
    /// The generated operations, sent through the middleware chain.
    public let api: Client
    private let shutdownTransport: (@Sendable () async throws -> Void)?
    /// The middleware chain over the transport; ``api`` and streaming producers send through it.
    let chain: MiddlewareTransport

    /// Creates a client sending through `transport`, for tests or custom HTTP stacks.
    ///
    /// The transport is responsible for the base URL and timeouts; ``shutdown()`` does not
    /// shut it down.
    ///
    /// - Parameters:
    ///   - configuration: Base URL, credentials, retry, logging.
    ///   - transport: Sends the requests (and the produce streams, with ``APITransport/stream(_:)``).
    ///   - middlewares: Your own steps, outermost first; see ``init(configuration:middlewares:)``.
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest`` as for
    ///   ``init(configuration:middlewares:)``; nothing is sent then.
    public convenience init(configuration: KafkaRESTConfiguration, transport: any APITransport, middlewares: [any Middleware] = []) throws {
        let chain = try Self.middlewares(for: configuration, adding: middlewares)
        self.init(configuration: configuration, middlewares: chain, transport: transport, shutdown: nil)
    }

    init(
        configuration: KafkaRESTConfiguration,
        middlewares: [any Middleware],
        transport: any APITransport,
        shutdown: (@Sendable () async throws -> Void)?
    ) {
        self.configuration = configuration
        chain = MiddlewareTransport(transport: transport, middlewares: middlewares)
        api = Client(transport: chain)
        shutdownTransport = shutdown
    }

    /// An operation group of ``api``, so `kafka.topic.listKafkaTopics(…)` works like
    /// `kafka.api.topic.listKafkaTopics(…)`.
    ///
    /// The group is the generated struct (`TopicOperations` for `kafka.topic`), which conforms
    /// to its group's protocol (`TopicOperationsProtocol`): pass `kafka.topic` to code that takes
    /// `some TopicOperationsProtocol`, and a fake of the protocol in its unit tests.
    public subscript<T>(dynamicMember keyPath: KeyPath<Client, T>) -> T {
        api[keyPath: keyPath]
    }

    /// A view of this client whose calls log to `logger` instead of
    /// ``KafkaRESTConfiguration/logger``, for one call or a group of calls:
    ///
    /// ```swift
    /// var logger = request.logger
    /// logger[metadataKey: "job"] = "nightly-topics"
    /// let topics = try await kafka.with(logger: logger).topic.listKafkaTopics(clusterID: id)
    /// ```
    ///
    /// The view shares everything else with this client: transport and connections,
    /// credentials (a renewed bearer token serves both), retry, metrics and tracing; its
    /// streaming producers log to `logger` too. The logger reaches async-http-client with
    /// each request. ``shutdown()`` of the view does nothing: shut down this client.
    public func with(logger: Logger) -> KafkaRESTClient {
        var configuration = configuration
        configuration.logger = logger
        let middlewares = chain.middlewares.map { middleware -> any Middleware in
            switch middleware {
            case is LoggingMiddleware: LoggingMiddleware(logger: logger)
            case let validation as RequestValidationMiddleware: validation.with(logger: logger)
            default: middleware
            }
        }
        return KafkaRESTClient(configuration: configuration, middlewares: middlewares, transport: chain.transport, shutdown: nil)
    }

    /// The configured default cluster id.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest`` if none
    ///   (or an empty one) is configured.
    public func requireClusterID() throws -> String {
        guard let clusterID = configuration.clusterID, !clusterID.isEmpty else {
            throw KafkaRESTError(
                kind: .invalidRequest,
                message: "no cluster id configured; set KafkaRESTConfiguration.clusterID"
            )
        }
        return clusterID
    }

    /// Shuts down the HTTP client created by ``init(configuration:middlewares:)``; does nothing for a
    /// client over a given transport. Call it once, after the last request.
    public func shutdown() async throws {
        try await shutdownTransport?()
    }

    /// For example `KafkaRESTClient(baseURL: https://…/kafka/v3, clusterID: lkc-1)`.
    public var description: String {
        "KafkaRESTClient(baseURL: \(EndpointURL.describe(configuration.baseURL)), clusterID: \(configuration.clusterID ?? "nil"))"
    }

    /// A mirror showing only the (redacted) configuration.
    public var customMirror: Mirror {
        Mirror(self, children: ["configuration": configuration])
    }

    /// The middlewares for `configuration` with the user's `added` ones, outermost first, after
    /// checking that its base URL is `http://` or `https://` with a host and without user info.
    static func middlewares(for configuration: KafkaRESTConfiguration, adding added: [any Middleware]) throws -> [any Middleware] {
        let baseURL = configuration.baseURL
        guard ["http", "https"].contains(baseURL.scheme?.lowercased()), let host = baseURL.host, !host.isEmpty else {
            throw KafkaRESTError(
                kind: .invalidRequest,
                message: "baseURL must be an http:// or https:// URL with a host, such as https://pkc-00000.region.provider.confluent.cloud/kafka/v3"
            )
        }
        guard !EndpointURL.hasUserInfo(baseURL) else {
            throw KafkaRESTError(
                kind: .invalidRequest,
                message: "baseURL must not contain user info (name:password@), which would be sent and logged with every request; pass credentials as KafkaRESTConfiguration.credentials"
            )
        }
        var middlewares: [any Middleware] = [TransportErrorMiddleware()]
        if configuration.validatesRequests {
            middlewares.append(RequestValidationMiddleware(logger: configuration.logger))
        }
        middlewares.append(contentsOf: added)
        if let tracer = configuration.tracer, !(tracer is NoOpTracer) {
            middlewares.append(TracingMiddleware(tracer: tracer))
        }
        middlewares.append(MetricsMiddleware(factory: configuration.metricsFactory))
        if let credentials = configuration.credentials {
            middlewares.append(
                try CredentialsMiddleware(
                    credentials: credentials,
                    baseURL: baseURL,
                    allowsCredentialsOverPlainHTTP: configuration.allowsCredentialsOverPlainHTTP
                )
            )
        }
        middlewares.append(RetryMiddleware(policy: configuration.retry, logger: configuration.logger))
        middlewares.append(LoggingMiddleware(logger: configuration.logger))
        if configuration.connectionBias != .keepAlive {
            middlewares.append(ConnectionBiasMiddleware(bias: configuration.connectionBias))
        }
        return middlewares
    }
}
