import Foundation

/// Applies ``Retryability`` to an attempt's outcome for ``RetryMiddleware``, and reads how
/// long the server asked to wait.
enum RetryClassifier {
    /// Why a response may be retried for `method`, or `nil` if it may not.
    static func reason(for response: APIResponse, method: APIMethod) -> String? {
        guard response.status == 429 || response.status >= 500 else { return nil }
        let errorCode = response.status == 500 ? errorCode(of: response) : nil
        guard Retryability.of(status: response.status, errorCode: errorCode).allows(method) else { return nil }
        return errorCode.map { "HTTP \(response.status) error_code \($0)" } ?? "HTTP \(response.status)"
    }

    /// Why an error may be retried for `method`, or `nil` if it may not.
    static func reason(for error: any Error, method: APIMethod) -> String? {
        guard Retryability.of(error).allows(method) else { return nil }
        if let phase = phase(of: error) {
            return "transport failure (\(phase))"
        }
        return "\(error)"
    }

    /// The phase of a ``TransportFailure``, thrown directly or as the underlying error of a
    /// ``KafkaRESTError`` of kind `.transport`.
    private static func phase(of error: any Error) -> TransportFailure.Phase? {
        (error as? TransportFailure ?? (error as? KafkaRESTError)?.underlyingError as? TransportFailure)?.phase
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
        guard let json = try? JSONValue(jsonBytes: response.body) else { return nil }
        return json["error_code"]?.int64Value.flatMap { Int(exactly: $0) }
    }
}
