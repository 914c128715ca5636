extension KafkaRESTClient {
    /// Creates a client with its own `AsyncHTTPClientTransport`; call ``shutdown()`` when done.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest`` when the
    ///   base URL is not `http://` or `https://` with a host, carries user info
    ///   (`name:password@`), or credentials would be sent over plain HTTP without
    ///   ``KafkaRESTConfiguration/allowsCredentialsOverPlainHTTP``.
    public convenience init(configuration: KafkaRESTConfiguration) throws {
        let middlewares = try Self.middlewares(for: configuration)
        let transport = AsyncHTTPClientTransport(baseURL: configuration.baseURL, timeouts: configuration.timeouts)
        self.init(configuration: configuration, middlewares: middlewares, transport: transport) {
            try await transport.shutdown()
        }
    }
}
