/// A failure to exchange a request and response with the server, thrown by transports so
/// that the retry rule (``Retryability``) can tell whether the server could have seen the
/// request.
///
/// The client hands it to callers wrapped in a ``KafkaRESTError`` of kind
/// ``KafkaRESTError/Kind/transport`` whose ``KafkaRESTError/underlyingError`` is this value.
public struct TransportFailure: Error, Sendable, CustomStringConvertible {
    /// How far the exchange got before it failed.
    public enum Phase: Sendable, Hashable {
        /// Nothing was sent: connection refused, DNS failure, TLS handshake timeout or connect
        /// timeout. Repeating the request is safe for every method.
        case connecting
        /// The request was partly or fully written; the server may have acted on it.
        case sending
        /// The request was sent and no complete response arrived (reset, read timeout); the
        /// server may have acted on it.
        case awaitingResponse
    }

    /// How far the exchange got.
    public var phase: Phase
    /// The networking error. Its description is shown in ``description``, so transports must
    /// not put headers or other secrets into it.
    public var underlying: any Error

    /// Creates a failure.
    public init(phase: Phase, underlying: any Error) {
        self.phase = phase
        self.underlying = underlying
    }

    /// For example `TransportFailure(connecting): connection refused`.
    public var description: String {
        "TransportFailure(\(phase)): \(underlying)"
    }

    /// A sentence for users saying what the phase means for the request.
    public var explanation: String {
        switch phase {
        case .connecting: "could not connect to the server; the request was not sent"
        case .sending: "the connection failed while sending the request; the server may have received it"
        case .awaitingResponse: "no complete response was received; the server may have processed the request"
        }
    }
}
