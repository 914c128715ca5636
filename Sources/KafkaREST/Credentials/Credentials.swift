import Foundation

/// How the client authenticates.
///
/// The descriptions and the mirror (used by `dump`) show the API key truncated to its first
/// four characters and never the secret or a token:
/// `apiKey(key: ABCD…, secret: <redacted>)`.
public enum Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// A Confluent Cloud API key and secret (or a REST Proxy basic-auth user and password),
    /// sent as `Authorization: Basic base64(key:secret)`.
    case apiKey(key: String, secret: String)
    /// An OAuth token from a provider, sent as `Authorization: Bearer <token>`.
    case bearer(any BearerTokenProvider)

    /// The key truncated and the secret redacted, for example
    /// `apiKey(key: ABCD…, secret: <redacted>)` or `bearer(StaticBearerToken, token: <redacted>)`.
    public var description: String {
        switch self {
        case .apiKey(let key, _):
            "apiKey(key: \(Self.truncated(key)), secret: <redacted>)"
        case .bearer(let provider):
            "bearer(\(type(of: provider)), token: <redacted>)"
        }
    }

    /// The same text as ``description``.
    public var debugDescription: String { description }

    /// A mirror holding only the redacted ``description``.
    public var customMirror: Mirror {
        Mirror(self, children: ["redacted": description], displayStyle: .enum)
    }

    /// The first four characters of `key` followed by `…`.
    static func truncated(_ key: String) -> String {
        String(key.prefix(4)) + "…"
    }
}

extension Credentials {
    /// The `Authorization` header value: `Basic base64(key:secret)`, or `Bearer <token>` from
    /// the provider (a fresh one when `forceRefresh`).
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest``, which does
    ///   not show the token, when the token holds a control character (such as a line break
    ///   left at the end of a token read from a file), which cannot go into a header;
    ///   errors of the provider unchanged.
    func authorizationValue(forceRefresh: Bool = false) async throws -> String {
        switch self {
        case .apiKey(let key, let secret):
            return "Basic " + Base64.encode(Data("\(key):\(secret)".utf8))
        case .bearer(let provider):
            let token = try await provider.token(forceRefresh: forceRefresh)
            if let position = token.unicodeScalars.firstIndex(where: { $0.properties.generalCategory == .control }) {
                let offset = token.unicodeScalars.distance(from: token.unicodeScalars.startIndex, to: position)
                throw KafkaRESTError(
                    kind: .invalidRequest,
                    message: "the bearer token from \(type(of: provider)) has a control character at position \(offset + 1) of \(token.unicodeScalars.count) (a trailing line break from a file?), which cannot be sent in a header; the token is not shown"
                )
            }
            return "Bearer " + token
        }
    }
}
