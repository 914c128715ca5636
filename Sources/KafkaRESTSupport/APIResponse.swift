import Foundation

/// An HTTP response as returned by an ``APITransport``.
public struct APIResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The response headers.
    public var headers: APIHeaders
    /// The raw body; empty if there was none.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: APIHeaders = APIHeaders(), body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Whether ``status`` is in the 2xx range.
    public var isSuccess: Bool {
        (200..<300).contains(status)
    }
}

extension APIResponse {
    /// Decodes the JSON body as `T`.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/decoding`` whose message gives
    ///   the JSON pointer of the failing place (such as `/data/0/partitions_count`) and the
    ///   decoder's description of the problem.
    public func decode<T: Decodable>(_ type: T.Type, operationID: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: body)
        } catch {
            let detail = (error as? DecodingError).map(Self.describe) ?? "\(error)"
            throw KafkaRESTError(
                kind: .decoding,
                operationID: operationID,
                status: status,
                message: "could not decode \(T.self) \(detail)",
                bodySnippet: bodySnippet,
                underlyingError: error
            )
        }
    }

    /// Decodes the JSON body as `T` with the byte-level reader (``JSONReadable``), which the
    /// generated models and the standard types conform to; the generated operations call it.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/decoding`` whose message gives
    ///   the JSON pointer of the failing place (such as `/data/0/partitions_count`), the byte
    ///   offset and the problem.
    public func decode<T: Decodable & JSONReadable>(_ type: T.Type, operationID: String) throws -> T {
        do {
            return try T(jsonBytes: body)
        } catch {
            throw KafkaRESTError(
                kind: .decoding,
                operationID: operationID,
                status: status,
                message: "could not decode \(T.self) \(error)",
                bodySnippet: bodySnippet,
                underlyingError: error
            )
        }
    }

    /// The error for a response with a non-success status.
    ///
    /// A JSON body with Kafka REST's `error_code` and `message` supplies ``KafkaRESTError/errorCode``
    /// and ``KafkaRESTError/message``. Any other body (such as the HTML page of a rate-limit
    /// response) gives the message `rate limited (HTTP 429)` for status 429 and `HTTP <status>`
    /// otherwise. The start of the raw body is kept in ``KafkaRESTError/bodySnippet`` and a
    /// `Retry-After` header in seconds becomes ``KafkaRESTError/retryAfter``.
    public func error(operationID: String) -> KafkaRESTError {
        let json = try? JSONDecoder().decode(JSONValue.self, from: body)
        let errorCode = json?["error_code"]?.int64Value.flatMap { Int(exactly: $0) }
        let serverMessage = json?["message"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        let fallbackMessage = status == 429 ? "rate limited (HTTP 429)" : "HTTP \(status)"
        let retryAfter = headers["Retry-After"]
            .flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
            .flatMap { $0 >= 0 ? Duration.seconds($0) : nil }
        return KafkaRESTError(
            kind: .http,
            operationID: operationID,
            status: status,
            errorCode: errorCode,
            message: serverMessage ?? fallbackMessage,
            bodySnippet: bodySnippet,
            retryAfter: retryAfter
        )
    }

    /// The body as text, cut after ``KafkaRESTError/bodySnippetLimit`` characters and marked
    /// with `…`; `nil` for an empty body.
    private var bodySnippet: String? {
        guard !body.isEmpty else { return nil }
        let limit = KafkaRESTError.bodySnippetLimit
        let byteLimit = limit * 16
        let text = String(decoding: body.prefix(byteLimit), as: UTF8.self)
        if let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end < text.endIndex {
            return text[..<end] + "…"
        }
        return body.count > byteLimit ? text + "…" : text
    }

    /// Where and why decoding failed, for example
    /// `at /data/0/partitions_count: Expected to decode Int32 but found a string instead.`
    private static func describe(_ error: DecodingError) -> String {
        let path: [any CodingKey]
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let errorContext), .valueNotFound(_, let errorContext),
             .dataCorrupted(let errorContext):
            path = errorContext.codingPath
            context = errorContext
        case .keyNotFound(let key, let errorContext):
            path = errorContext.codingPath + [key]
            context = errorContext
        @unknown default:
            return "\(error)"
        }
        let pointer = jsonPointer(path)
        var text = "at \(pointer.isEmpty ? "the top level" : pointer): \(context.debugDescription)"
        if let underlying = context.underlyingError {
            text += " (\(underlying))"
        }
        return text
    }

    /// The RFC 6901 JSON pointer of a coding path: array indices as numbers, `~` and `/` escaped.
    private static func jsonPointer(_ path: [any CodingKey]) -> String {
        path.map { key in
            let token = key.intValue.map(String.init) ?? key.stringValue
            return "/" + token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        }.joined()
    }
}
