/// A misbehaviour the test server shows instead of (or before) its normal answer; see
/// ``KafkaRESTTestServer/inject(_:times:matching:)``.
public enum Fault: Sendable, Hashable {
    /// Answers with `status` and a JSON error body `{"error_code": …, "message": …}`; the
    /// error code defaults to the status.
    case status(Int, errorCode: Int?, message: String)
    /// Answers 429 with an HTML page and no JSON, as Confluent Cloud's rate limiter does.
    case rateLimitedHTML
    /// Answers 429 with the HTML page and a `Retry-After` header of `seconds`.
    case retryAfter(seconds: Int)
    /// Answers 307 Temporary Redirect with `Location: location` and no body, to check
    /// that a client does not follow redirects (and take credentials along).
    case redirect(location: String)
    /// Reads the whole request, then closes the connection without answering.
    case closeConnection
    /// Waits this long, then handles the request normally.
    case delay(Duration)
}
