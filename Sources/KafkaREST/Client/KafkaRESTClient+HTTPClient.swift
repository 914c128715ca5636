extension KafkaRESTClient {
    /// Creates a client with its own `AsyncHTTPClientTransport`; call ``shutdown()`` when done
    /// (or run it as a `Service`).
    ///
    /// `middlewares` are your own steps, outermost first: each call passes them once, after
    /// request validation and before the credentials are added and the retries, so they see
    /// every call (and every produce stream) without its `Authorization` header; a middleware
    /// that needs every attempt can wrap the transport of ``init(configuration:transport:middlewares:)``.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest`` when a
    ///   certificate or key of ``KafkaRESTConfiguration/tls`` cannot be read, when the
    ///   base URL is not `http://` or `https://` with a host, carries user info
    ///   (`name:password@`), or credentials would be sent over plain HTTP without
    ///   ``KafkaRESTConfiguration/allowsCredentialsOverPlainHTTP``.
    public convenience init(configuration: KafkaRESTConfiguration, middlewares: [any Middleware] = []) throws {
        let middlewares = try Self.middlewares(for: configuration, adding: middlewares)
        let transport = AsyncHTTPClientTransport(
            baseURL: configuration.baseURL,
            timeouts: configuration.timeouts,
            tlsConfiguration: try configuration.tls.makeConfiguration()
        )
        self.init(configuration: configuration, middlewares: middlewares, transport: transport) {
            try await transport.shutdown()
        }
    }
}
