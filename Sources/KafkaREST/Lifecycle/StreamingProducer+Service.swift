import ServiceLifecycle

extension StreamingProducer: Service {
    /// Runs the producer as a service of a `ServiceGroup`: holds until graceful shutdown,
    /// then stops accepting records and waits, for at most
    /// ``Options/shutdownGracePeriod``, until every record given is reported; records still
    /// outstanding then are reported as by ``cancel()`` (unknown if written, failed if not)
    /// and ``results`` ends. Cancelling the service cancels the producer at once.
    ///
    /// Every record for which ``send(_:)`` returned is reported exactly once either way.
    public func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            cancel()
            return
        }
        await finish(within: options.shutdownGracePeriod)
    }
}
