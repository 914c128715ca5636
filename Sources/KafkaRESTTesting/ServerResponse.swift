import Foundation
import KafkaRESTAPI

/// A complete answer of the test server.
struct ServerResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: Data

    /// The page Confluent Cloud's rate limiter sends with 429: HTML, not JSON.
    static let rateLimitPage = "<html><body><h1>429 Too Many Requests</h1></body></html>"

    /// `value` encoded as JSON.
    static func json(_ value: some Encodable, status: Int = 200) -> ServerResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        do {
            let body = try encoder.encode(value)
            return ServerResponse(status: status, headers: [("Content-Type", "application/json")], body: body)
        } catch {
            return .error(status: 500, code: 50001, message: "The test server could not encode its answer: \(error)")
        }
    }

    /// Kafka REST's JSON error body `{"error_code": code, "message": message}`.
    static func error(status: Int, code: Int, message: String) -> ServerResponse {
        json(ErrorModel(errorCode: Int32(clamping: code), message: message), status: status)
    }

    /// 401 with error code 40101 and a `WWW-Authenticate` challenge, for missing or wrong credentials.
    static var unauthorized: ServerResponse {
        var response = ServerResponse.error(
            status: 401,
            code: 40101,
            message: "Authentication failed: missing or invalid API key."
        )
        response.headers.append(("WWW-Authenticate", "Basic realm=\"kafka-rest\""))
        return response
    }

    /// No body, as with 201 after creating an ACL or 204 after a delete.
    static func empty(status: Int) -> ServerResponse {
        ServerResponse(status: status, headers: [], body: Data())
    }

    /// 307 with `Location` and no body.
    static func redirect(to location: String) -> ServerResponse {
        ServerResponse(status: 307, headers: [("Location", location)], body: Data())
    }

    /// 429 with the HTML rate-limit page and, if given, `Retry-After` in seconds.
    static func rateLimited(retryAfter seconds: Int?) -> ServerResponse {
        var headers: [(name: String, value: String)] = [("Content-Type", "text/html")]
        if let seconds {
            headers.append(("Retry-After", String(seconds)))
        }
        return ServerResponse(status: 429, headers: headers, body: Data(rateLimitPage.utf8))
    }

}

/// Thrown by route handlers to answer with an error instead of their normal response.
struct RouteFailure: Error {
    let response: ServerResponse

    init(_ response: ServerResponse) {
        self.response = response
    }

    /// 400 with error code 40002, as Kafka REST sends for invalid values.
    static func invalid(_ message: String) -> RouteFailure {
        RouteFailure(.error(status: 400, code: 40002, message: message))
    }

    /// 404 with error code 40403, as Kafka REST sends for a missing topic or other resource.
    static func notFound(_ message: String) -> RouteFailure {
        RouteFailure(.error(status: 404, code: 40403, message: message))
    }
}
