/// Whether an outcome may turn out differently if the request is sent again: the one rule
/// behind ``KafkaRESTError/isRetryable``, the client's retry middleware, the streaming
/// producer's stream opens and the outcome of a failed produce request.
///
/// | Outcome | Retryability |
/// |---|---|
/// | HTTP 429 | ``anyMethod`` (the server refused before doing anything) |
/// | HTTP 502, 503, 504; HTTP 500 with Kafka `error_code` 50003 | ``idempotentOnly`` |
/// | ``TransportFailure`` phase `.connecting` (nothing was sent) | ``anyMethod`` |
/// | ``TransportFailure`` phase `.sending` or `.awaitingResponse` | ``idempotentOnly`` |
/// | a ``KafkaRESTError/Kind/transport`` error with no ``TransportFailure`` behind it (an answer that could not be read whole, such as a body over the size limit) | ``never`` |
/// | every other status or error, cancellation included | ``never`` |
public enum Retryability: Sendable, Hashable {
    /// Nothing was done; sending again is safe for every method.
    case anyMethod
    /// The server may have acted; sending again is safe only for a method that cannot do more
    /// when repeated (GET, PUT, DELETE, HEAD).
    case idempotentOnly
    /// Sending again gives the same answer.
    case never

    /// Kafka REST's `error_code` for a retriable internal error.
    public static let retriableErrorCode = 50003

    /// The retryability of an answer with `status` and Kafka `errorCode`.
    public static func of(status: Int, errorCode: Int?) -> Retryability {
        switch status {
        case 429: .anyMethod
        case 502, 503, 504: .idempotentOnly
        case 500 where errorCode == retriableErrorCode: .idempotentOnly
        default: .never
        }
    }

    /// The retryability of a thrown error: a ``TransportFailure`` (directly or as the
    /// underlying error of a ``KafkaRESTError``) by its phase, a ``KafkaRESTError`` by its kind
    /// and status, anything else ``never``.
    public static func of(_ error: any Error) -> Retryability {
        if let failure = error as? TransportFailure {
            return failure.phase == .connecting ? .anyMethod : .idempotentOnly
        }
        guard let error = error as? KafkaRESTError else { return .never }
        switch error.kind {
        case .http:
            return error.status.map { of(status: $0, errorCode: error.errorCode) } ?? .never
        case .transport:
            return error.underlyingError.map { $0 is TransportFailure ? of($0) : .never } ?? .never
        default:
            return .never
        }
    }

    /// Whether a request with `method` may be sent again.
    public func allows(_ method: APIMethod) -> Bool {
        switch self {
        case .anyMethod: true
        case .idempotentOnly: method.isIdempotent
        case .never: false
        }
    }
}

extension APIMethod {
    /// Whether repeating the method cannot do more than doing it once.
    public var isIdempotent: Bool {
        switch self {
        case .get, .put, .delete, .head: true
        case .post, .patch: false
        }
    }
}
