import ServiceLifecycle

extension KafkaRESTClient: Service {
    /// Runs the client as a service of a `ServiceGroup`: holds until graceful shutdown (or
    /// cancellation), then shuts down the HTTP client it created (see ``shutdown()``).
    ///
    /// List the client before the services that use it, such as its streaming producers:
    /// a group shuts its services down in reverse order, so the producers drain first.
    ///
    /// ```swift
    /// let group = ServiceGroup(services: [kafka, producer], gracefulShutdownSignals: [.sigterm], logger: logger)
    /// try await group.run()
    /// ```
    public func run() async throws {
        try? await gracefulShutdown()
        try await shutdown()
    }
}
