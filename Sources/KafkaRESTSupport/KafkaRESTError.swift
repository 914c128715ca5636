/// The error thrown by every Kafka REST API call.
///
/// ``kind`` tells where the call failed; for ``Kind/http`` the server's ``status``,
/// ``errorCode`` and ``message`` describe the problem.
public struct KafkaRESTError: Error, Sendable, CustomStringConvertible {
    /// Where a call failed.
    ///
    /// A struct over a private code rather than an enum, so kinds can be added without
    /// breaking callers: compare with `==` or match with `case .http:`, and give a `switch`
    /// over it a `default`.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String {
            case http, decoding, encoding, transport, invalidRequest
        }

        private let code: Code

        private init(_ code: Code) {
            self.code = code
        }

        /// The server answered with an error status.
        public static let http = Kind(.http)
        /// The response body did not match the expected type.
        public static let decoding = Kind(.decoding)
        /// The request body could not be encoded.
        public static let encoding = Kind(.encoding)
        /// No response was received (connection, TLS or timeout failure).
        public static let transport = Kind(.transport)
        /// The request was rejected before sending, for example a missing parameter.
        public static let invalidRequest = Kind(.invalidRequest)

        /// The kind's name, such as `transport` or `invalidRequest`.
        public var description: String {
            code.rawValue
        }
    }

    /// The most characters of a raw body kept in ``bodySnippet``; longer bodies are cut there
    /// and followed by `…`.
    public static let bodySnippetLimit = 1024

    /// Where the call failed.
    public var kind: Kind
    /// The OpenAPI `operationId` of the call, if known.
    public var operationID: String?
    /// The HTTP status, if a response was received.
    public var status: Int?
    /// Kafka REST's `error_code`, such as `40403`; it may differ from ``status``.
    public var errorCode: Int?
    /// A human-readable description: the server's `message`, or one made up by the client.
    public var message: String
    /// The start of the raw response body, at most ``bodySnippetLimit`` characters plus `…`.
    public var bodySnippet: String?
    /// How long the server asked to wait before retrying (`Retry-After` in seconds), if it did.
    public var retryAfter: Duration?
    /// The error that caused this one, such as a `DecodingError` or a networking error.
    public var underlyingError: (any Error)?

    /// Creates an error.
    public init(
        kind: Kind,
        operationID: String? = nil,
        status: Int? = nil,
        errorCode: Int? = nil,
        message: String,
        bodySnippet: String? = nil,
        retryAfter: Duration? = nil,
        underlyingError: (any Error)? = nil
    ) {
        self.kind = kind
        self.operationID = operationID
        self.status = status
        self.errorCode = errorCode
        self.message = message
        self.bodySnippet = bodySnippet
        self.retryAfter = retryAfter
        self.underlyingError = underlyingError
    }

    /// Whether sending the same request again may succeed, by the one rule of
    /// ``Retryability`` (``retryability`` is not ``Retryability/never``): HTTP 429, 502, 503,
    /// 504 and 500 with `error_code` 50003, and transport failures (except a response that came
    /// but could not be read whole); some of them only for idempotent methods.
    public var isRetryable: Bool {
        retryability != .never
    }

    /// Whether, and for which methods, sending the same request again may succeed.
    public var retryability: Retryability {
        Retryability.of(self)
    }

    /// For example
    /// `KafkaRESTError(http 404, error_code 40403, listKafkaTopics): This server does not host this topic-partition.`
    public var description: String {
        var head = kind.description
        if let status { head += " \(status)" }
        var parts = [head]
        if let errorCode { parts.append("error_code \(errorCode)") }
        if let operationID { parts.append(operationID) }
        return "KafkaRESTError(\(parts.joined(separator: ", "))): \(message)"
    }
}
