/// The head of an HTTP/1.1 request or response: its first line and its header fields, as the
/// sink and the raw client need them.
struct HTTPHead {
    /// The request line or the status line.
    var startLine: Substring
    /// The header fields in order, names lowercased.
    var fields: [(name: String, value: Substring)]

    /// The longest head either side accepts.
    static let maximumSize = 65_536

    /// Parses a head that ends with an empty line (`bytes` holds that line too).
    init(_ bytes: [UInt8]) throws {
        var lines = bytes.split(separator: UInt8(ascii: "\n"))
            .map { Substring(decoding: $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0, as: UTF8.self) }
            .filter { !$0.isEmpty }[...]
        guard let first = lines.popFirst() else {
            throw HTTPFramingError("an empty head")
        }
        startLine = first
        fields = try lines.map { line in
            guard let colon = line.firstIndex(of: ":") else {
                throw HTTPFramingError("a header line without a colon: \(line)")
            }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" })
        }
    }

    /// The values of the fields named `name` (lowercase).
    func values(_ name: String) -> [Substring] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// Whether the body is sent with `Transfer-Encoding: chunked`.
    var isChunked: Bool {
        values("transfer-encoding").contains { $0.lowercased().contains("chunked") }
    }

    /// The `Content-Length`, if given.
    var contentLength: Int? {
        values("content-length").first.flatMap { Int($0.trimmingSuffix(" ")) }
    }

    /// Whether the sender closes the connection after this message (`Connection: close`, or HTTP/1.0).
    var closesConnection: Bool {
        values("connection").contains { $0.lowercased().contains("close") } || startLine.hasPrefix("HTTP/1.0") || startLine.hasSuffix("HTTP/1.0")
    }

    /// Whether the client waits for `100 Continue` before it sends the body.
    var expectsContinue: Bool {
        values("expect").contains { $0.lowercased() == "100-continue" }
    }

    /// The status code of a response's status line.
    var statusCode: Int? {
        let parts = startLine.split(separator: " ")
        return parts.count >= 2 ? Int(parts[1]) : nil
    }
}

/// Bytes that break HTTP/1.1 framing, as the sink or the raw client read them.
struct HTTPFramingError: Error, CustomStringConvertible {
    var description: String

    init(_ problem: String) {
        description = "malformed HTTP: \(problem)"
    }
}

extension Substring {
    /// The text without trailing `character`s.
    fileprivate func trimmingSuffix(_ character: Character) -> Substring {
        var text = self
        while text.last == character {
            text = text.dropLast()
        }
        return text
    }
}
