import Foundation

/// Decides whether an attempt's outcome may be retried and how long the server asked to
/// wait; the rules are tabulated on ``RetryMiddleware``.
enum RetryClassifier {
    /// Kafka REST's `error_code` for a retriable internal error.
    static let retriableErrorCode = 50003

    /// Why a response may be retried, or `nil` if it may not.
    static func reason(for response: APIResponse, method: HTTPMethod) -> String? {
        switch response.status {
        case 429:
            return "HTTP 429"
        case 502, 503, 504:
            return isIdempotent(method) ? "HTTP \(response.status)" : nil
        case 500:
            guard isIdempotent(method), errorCode(of: response) == retriableErrorCode else { return nil }
            return "HTTP 500 error_code \(retriableErrorCode)"
        default:
            return nil
        }
    }

    /// Why an error may be retried, or `nil` if it may not.
    static func reason(for error: any Error, method: HTTPMethod) -> String? {
        guard let phase = phase(of: error) else { return nil }
        guard phase == .connecting || isIdempotent(method) else { return nil }
        return "transport failure (\(phase))"
    }

    /// The phase of a ``TransportFailure``, thrown directly or as the underlying error of a
    /// ``KafkaRESTError`` of kind `.transport`; `nil` for other errors, including transport
    /// errors that do not say how far the exchange got (such as an oversized response body).
    static func phase(of error: any Error) -> TransportFailure.Phase? {
        if let failure = error as? TransportFailure {
            return failure.phase
        }
        if let error = error as? KafkaRESTError, error.kind == .transport {
            return (error.underlyingError as? TransportFailure)?.phase
        }
        return nil
    }

    /// Whether repeating the method cannot do more than doing it once.
    static func isIdempotent(_ method: HTTPMethod) -> Bool {
        switch method {
        case .get, .put, .delete, .head: true
        case .post, .patch: false
        }
    }

    /// How long the server asked to wait: the larger of `Retry-After` and
    /// `X-RateLimit-Reset`, both in (possibly fractional) seconds; `nil` if neither is valid.
    static func serverDelay(in response: APIResponse) -> Duration? {
        let delays = ["Retry-After", "X-RateLimit-Reset"].compactMap { name -> Double? in
            guard let text = response.headers[name]?.trimmingCharacters(in: .whitespaces),
                  let seconds = Double(text), seconds.isFinite, seconds >= 0
            else { return nil }
            return seconds
        }
        return delays.max().map { .roundedToNanoseconds(seconds: $0) }
    }

    private static func errorCode(of response: APIResponse) -> Int? {
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: response.body) else { return nil }
        return json["error_code"]?.int64Value.flatMap { Int(exactly: $0) }
    }
}
