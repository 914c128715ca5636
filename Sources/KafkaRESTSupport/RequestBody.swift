import Foundation

/// The body of an ``APIRequest``.
public enum RequestBody: Sendable {
    /// Bytes held in memory with their media type. The body is replayable: a transport may
    /// send it again, for example when retrying.
    case bytes(Data, contentType: String)
    /// Bytes written while the request is under way, of unknown length (sent with
    /// `Transfer-Encoding: chunked`), with their media type. It can be read once.
    case stream(BodyStream, contentType: String)

    /// The media type to send as `Content-Type`.
    public var contentType: String {
        switch self {
        case .bytes(_, let contentType), .stream(_, let contentType): contentType
        }
    }
}
