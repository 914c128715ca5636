/// How long the client waits for a connection and for a whole request.
public struct Timeouts: Sendable, Hashable {
    /// The longest wait to establish a connection, including DNS and the TLS handshake.
    public var connect: Duration
    /// The longest wait for one attempt of a request, from sending to the end of the response.
    ///
    /// Retries get a fresh request timeout each; ``RetryPolicy/deadline`` bounds them all.
    public var request: Duration

    /// Creates timeouts; the defaults are 10 seconds to connect and 30 seconds per request.
    public init(connect: Duration = .seconds(10), request: Duration = .seconds(30)) {
        self.connect = connect
        self.request = request
    }
}
