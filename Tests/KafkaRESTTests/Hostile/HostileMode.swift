/// How a ``HostileServer`` misbehaves on every connection.
enum HostileMode: Sendable {
    /// Accepts the connection and reads everything, but never sends a byte.
    case neverAnswers
    /// Sends a `200` response head announcing a chunked body, then nothing.
    case headThenNothing
    /// Sends a `200` response head, then a body of one space every 100 ms, forever.
    case slowDrip
    /// Sends a `200` response head, then a chunked body as fast as the client reads it, forever.
    case endlessBody
    /// Sends a `200` response head, then one delivery report that starts and never ends.
    case endlessReport
    /// Sends a `200` response head, then `answer(n)` for the n-th record (from 0) of the
    /// connection's request bodies as it arrives, and ends the response when a request body ends.
    case answerRecords(@Sendable (Int) -> String)
    /// Answers every request with `respond(request)` as soon as its head has arrived.
    case respond(@Sendable (HostileRequest) -> HostileResponse)
}

/// A request as a ``HostileServer`` saw it.
struct HostileRequest: Sendable {
    /// The method, such as `GET`.
    var method: String
    /// The request target, such as `/v3/clusters/lkc-1/topics?page=2`.
    var target: String
    /// The header fields in the order they came, names as sent.
    var headers: [(name: String, value: String)]
    /// The server's port, for absolute URLs in answers.
    var port: Int

    /// The value of the first header named `name` (case-insensitive), if any.
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// A whole response a ``HostileServer`` sends in ``HostileMode/respond(_:)``.
struct HostileResponse: Sendable {
    /// The status code.
    var status: Int
    /// Header fields besides `Content-Length`.
    var headers: [(name: String, value: String)]
    /// The body.
    var body: String

    /// A JSON response with `status` and `body`, plus `headers`.
    static func json(_ status: Int, _ body: String, headers: [(name: String, value: String)] = []) -> HostileResponse {
        HostileResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: body)
    }

    /// The bytes on the wire.
    var wire: String {
        var head = "HTTP/1.1 \(status) Hostile\r\nContent-Length: \(body.utf8.count)\r\n"
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
        }
        return head + "\r\n" + body
    }
}
