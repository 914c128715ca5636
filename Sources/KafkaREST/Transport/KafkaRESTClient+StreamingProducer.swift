extension KafkaRESTClient {
    /// A producer that streams records to `topic` over long-lived produce requests, with the
    /// client's base URL, credentials and connect timeout.
    ///
    /// ```swift
    /// let producer = try kafka.streamingProducer(topic: "orders", options: .init(limits: .standard))
    /// ```
    ///
    /// The streams go through the client's own HTTP client (so they share its connections and
    /// end with ``shutdown()``); a client made over a custom transport uses an HTTP client
    /// shared by all such producers with the same connect timeout, kept for the life of the
    /// process. They do not pass the client's middlewares: credentials are added by
    /// ``AuthorizingProduceStreamConnector``, resends and pacing are the producer's
    /// (``StreamingProducer/Options``), and streams have no request timeout.
    ///
    /// - Parameters:
    ///   - topic: The topic to write to.
    ///   - cluster: The cluster; `nil` uses ``KafkaRESTConfiguration/clusterID``.
    ///   - options: Window, streams, ordering, resends and ``ProduceLimits``.
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest`` when no
    ///   cluster is given or configured, or credentials would go over plain HTTP without
    ///   ``KafkaRESTConfiguration/allowsCredentialsOverPlainHTTP``.
    public func streamingProducer(
        topic: String,
        cluster: String? = nil,
        options: StreamingProducer.Options = StreamingProducer.Options()
    ) throws -> StreamingProducer {
        let clusterID = try cluster ?? requireClusterID()
        let transport = httpTransport ?? AsyncHTTPClientTransport(
            baseURL: configuration.baseURL,
            timeouts: configuration.timeouts,
            httpClient: StreamingHTTPClients.client(for: configuration.timeouts)
        )
        let connector = try AuthorizingProduceStreamConnector(
            transport: transport,
            credentials: configuration.credentials,
            allowsCredentialsOverPlainHTTP: configuration.allowsCredentialsOverPlainHTTP
        )
        let path = "/clusters/\(PathSegment.encode(clusterID))/topics/\(PathSegment.encode(topic))/records"
        return StreamingProducer(connector: connector, path: path, options: options)
    }
}
