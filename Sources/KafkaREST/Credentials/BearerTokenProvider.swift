/// Supplies OAuth bearer tokens, sent as `Authorization: Bearer <token>`.
///
/// Implementations typically cache a token and fetch a new one shortly before it expires.
/// ``CredentialsMiddleware`` calls ``token(forceRefresh:)`` with `forceRefresh: true` once
/// when the server answers 401, then repeats the request with the new token.
///
/// Errors thrown by the provider reach the caller of the API operation unchanged; they must
/// not contain the token.
public protocol BearerTokenProvider: Sendable {
    /// Returns the token to send.
    ///
    /// - Parameter forceRefresh: `true` after the server rejected the previous token; return a
    ///   newly obtained token rather than a cached one.
    func token(forceRefresh: Bool) async throws -> String
}

/// A fixed bearer token, for tokens whose lifetime exceeds the program's.
///
/// Its descriptions and mirror never show the token.
public struct StaticBearerToken: BearerTokenProvider, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let value: String

    /// Wraps `token`.
    public init(_ token: String) {
        value = token
    }

    /// The token; `forceRefresh` makes no difference because there is no other.
    public func token(forceRefresh: Bool) async throws -> String {
        value
    }

    /// `StaticBearerToken(<redacted>)`.
    public var description: String { "StaticBearerToken(<redacted>)" }

    /// `StaticBearerToken(<redacted>)`.
    public var debugDescription: String { description }

    /// A mirror without children, so `dump` does not print the token.
    public var customMirror: Mirror {
        Mirror(self, children: [:])
    }
}
