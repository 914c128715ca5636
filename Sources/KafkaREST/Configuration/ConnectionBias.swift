/// How long HTTP connections are kept, which decides how requests spread over the servers
/// behind a load balancer.
///
/// Confluent suggests biasing connections when one long-lived connection would pin all
/// traffic to one server: ask the server to close the connection after each request, or after
/// every N requests. ``ConnectionBiasMiddleware`` does this with a `Connection: close` header.
public enum ConnectionBias: Sendable, Hashable {
    /// Reuse connections for as long as the server allows (the default).
    case keepAlive
    /// Send `Connection: close` on every request, so each request opens a new connection.
    case closeEachRequest
    /// Send `Connection: close` on every `afterRequests`-th request (counted across all
    /// requests of the client, including retries); a value of 1 or less behaves like
    /// ``closeEachRequest``.
    case rotate(afterRequests: Int)
}
