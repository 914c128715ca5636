extension KafkaRESTClient {
    /// A producer that streams records to `topic` over long-lived produce requests, sent
    /// through the client's middleware chain and transport.
    ///
    /// ```swift
    /// let producer = try kafka.streamingProducer(topic: "orders", options: .init(limits: .standard))
    /// ```
    ///
    /// The producer logs its streams to the configured logger (see
    /// ``StreamingProducer/init(transport:path:options:clock:metricsFactory:logger:)``) and
    /// counts to its metrics factory. Each stream is opened like any call of the client: with
    /// its credentials (a bearer token
    /// refused with 401 before any record was written is renewed once), logged, over its
    /// transport (so its HTTP client, TLS settings and connections, ending with
    /// ``shutdown()``; a client over a custom transport streams over that transport). Streams
    /// are not retried by ``RetryMiddleware``, since their body can be sent once: resends and
    /// pacing are the producer's (``StreamingProducer/Options``), and streams have no request
    /// timeout.
    ///
    /// - Parameters:
    ///   - topic: The topic to write to.
    ///   - cluster: The cluster; `nil` uses ``KafkaRESTConfiguration/clusterID``.
    ///   - options: Window, streams, ordering, resends and ``ProduceLimits``.
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest`` when no
    ///   cluster is given or configured.
    public func streamingProducer(
        topic: String,
        cluster: String? = nil,
        options: StreamingProducer.Options = StreamingProducer.Options()
    ) throws -> StreamingProducer {
        let path = Self.producePath(cluster: try cluster ?? requireClusterID(), topic: topic)
        return StreamingProducer(
            transport: chain,
            path: path,
            options: options,
            metricsFactory: configuration.metricsFactory,
            logger: configuration.logger
        )
    }
}
