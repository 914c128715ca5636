import Foundation

/// A response whose body is read as it arrives, as returned by ``APITransport/stream(_:)``.
public struct StreamedResponse: Sendable {
    /// The most body bytes ``collect(upTo:)`` keeps by default for an error: 64 KiB.
    public static let errorBodyLimit = 64 * 1024

    /// The HTTP status code.
    public var status: Int
    /// The response headers.
    public var headers: APIHeaders
    /// The body's chunks as they arrive; it ends with the response. Cancelling the task that
    /// iterates it, or dropping it, aborts the request.
    public var body: AsyncThrowingStream<Data, any Error>

    /// Creates a response.
    public init(status: Int, headers: APIHeaders = APIHeaders(), body: AsyncThrowingStream<Data, any Error>) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A streamed response holding the whole of `response`'s body as one chunk.
    public init(_ response: APIResponse) {
        let body = response.body
        self.init(
            status: response.status,
            headers: response.headers,
            body: AsyncThrowingStream { continuation in
                if !body.isEmpty { continuation.yield(body) }
                continuation.finish()
            }
        )
    }

    /// Whether ``status`` is in the 2xx range.
    public var isSuccess: Bool {
        (200..<300).contains(status)
    }

    /// The response with as much of its body as arrives, up to `limit` bytes: reading stops
    /// at the limit, at the end of the body, when it fails, or when the task is cancelled
    /// (bound it with a deadline for a server that never ends the body).
    public func collect(upTo limit: Int = Self.errorBodyLimit) async -> APIResponse {
        var collected = Data()
        do {
            for try await chunk in body {
                collected.append(chunk.prefix(limit - collected.count))
                if collected.count >= limit { break }
            }
        } catch {
            // What arrived before the failure is the body.
        }
        return APIResponse(status: status, headers: headers, body: collected)
    }
}
