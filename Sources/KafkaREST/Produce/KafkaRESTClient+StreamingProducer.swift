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

    /// Produces every record of `records` to `topic` over streams, through the client's
    /// middleware chain as ``streamingProducer(topic:cluster:options:)`` does, and returns
    /// their results as they come, indexed by position in `records`; see
    /// ``StreamingProducer/produce(_:transport:path:options:clock:metricsFactory:logger:)``.
    ///
    /// ```swift
    /// for try await result in try kafka.produce(records, to: "orders") {
    ///     handle(result)
    /// }
    /// ```
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest`` when no
    ///   cluster is given or configured; nothing is read from `records` then.
    public func produce<S: AsyncSequence & Sendable>(
        _ records: S,
        to topic: String,
        cluster: String? = nil,
        options: StreamingProducer.Options = StreamingProducer.Options()
    ) throws -> ProduceResultStream where S.Element == KafkaRecord {
        let path = Self.producePath(cluster: try cluster ?? requireClusterID(), topic: topic)
        return StreamingProducer.produce(
            records,
            transport: chain,
            path: path,
            options: options,
            metricsFactory: configuration.metricsFactory,
            logger: configuration.logger
        )
    }
}
