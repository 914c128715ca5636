import Foundation

/// Adds the `Authorization` header for ``Credentials``.
///
/// API keys are sent as `Basic base64(key:secret)`, tokens as `Bearer <token>`. When the
/// server answers 401 to a bearer token, the provider is asked once for a fresh token
/// (`forceRefresh: true`) and the request is sent once more with it, if its body is replayable.
///
/// It refuses, when created, to send credentials to an `http://` base URL unless explicitly
/// allowed, since anyone on the network could read them.
public struct CredentialsMiddleware: Middleware, CustomStringConvertible, CustomReflectable {
    /// The credentials sent.
    public let credentials: Credentials

    /// Creates the middleware for requests to `baseURL`.
    ///
    /// - Parameters:
    ///   - credentials: What to send.
    ///   - baseURL: Where the requests go; its scheme must be `https` unless
    ///     `allowsCredentialsOverPlainHTTP` is set.
    ///   - allowsCredentialsOverPlainHTTP: Whether `http://` is acceptable.
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest`` for an
    ///   `http://` base URL without permission, or a base URL that is neither `http` nor `https`.
    public init(credentials: Credentials, baseURL: URL, allowsCredentialsOverPlainHTTP: Bool = false) throws {
        switch baseURL.scheme?.lowercased() {
        case "https":
            break
        case "http" where allowsCredentialsOverPlainHTTP:
            break
        case "http":
            throw KafkaRESTError(
                kind: .invalidRequest,
                message: "refusing to send credentials over plain HTTP to \(Self.origin(of: baseURL)), where anyone on the network could read them; use an https:// URL, or set KafkaRESTConfiguration.allowsCredentialsOverPlainHTTP = true to allow it (for example for a REST Proxy on localhost)"
            )
        default:
            throw KafkaRESTError(
                kind: .invalidRequest,
                message: "refusing to send credentials to \(Self.origin(of: baseURL)): the base URL must use https://"
            )
        }
        self.credentials = credentials
    }

    /// Sends `request` with the `Authorization` header, refreshing a bearer token once on 401.
    ///
    /// The body of an error response and the message and body snippet of a ``KafkaRESTError``
    /// thrown further down have the credentials sent removed, in each spelling of
    /// ``SecretSpellings/of(_:)``, so a server echoing the `Authorization` header cannot put
    /// them into an error. Their spellings are worked out only then: a successful call pays
    /// nothing for it.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest``, before
    ///   anything is sent, for a bearer token with a control character; what the rest of the
    ///   chain throws.
    public func intercept(
        _ request: APIRequest,
        next: @Sendable (APIRequest) async throws -> APIResponse
    ) async throws -> APIResponse {
        let value = try await credentials.authorizationValue()
        let response = try await send(request, authorization: value, next: next)
        guard case .bearer = credentials, response.status == 401, request.body?.isReplayable ?? true else {
            return response
        }
        return try await send(request, authorization: try await credentials.authorizationValue(forceRefresh: true), next: next)
    }

    /// Sends a streamed `request` with the `Authorization` header; a 401 to a bearer token
    /// that arrives before any of the body was read (a produce stream is answered before a
    /// record is written) is sent once more with a fresh token, on the same body.
    ///
    /// A response with a status other than 2xx comes back with its body read (up to
    /// ``StreamedResponse/errorBodyLimit`` bytes) and the credentials removed from it, as
    /// ``intercept(_:next:)`` does; so do the errors thrown further down.
    ///
    /// - Throws: As ``intercept(_:next:)``.
    public func interceptStream(
        _ request: APIRequest,
        next: @Sendable (APIRequest) async throws -> StreamedResponse
    ) async throws -> StreamedResponse {
        let value = try await credentials.authorizationValue()
        let response = try await stream(request, authorization: value, next: next)
        guard case .bearer = credentials, response.status == 401, request.body?.canStartOver ?? true else {
            return response
        }
        return try await stream(request, authorization: try await credentials.authorizationValue(forceRefresh: true), next: next)
    }

    private func stream(
        _ request: APIRequest,
        authorization value: String,
        next: @Sendable (APIRequest) async throws -> StreamedResponse
    ) async throws -> StreamedResponse {
        let response: StreamedResponse
        do {
            response = try await next(Self.authorized(request, value))
        } catch let error as KafkaRESTError {
            throw CredentialEchoes(authorizationValue: value, credentials: credentials).scrub(error)
        }
        guard !response.isSuccess else { return response }
        let refusal = await response.collect()
        return StreamedResponse(CredentialEchoes(authorizationValue: value, credentials: credentials).scrub(refusal))
    }

    private func send(
        _ request: APIRequest,
        authorization value: String,
        next: @Sendable (APIRequest) async throws -> APIResponse
    ) async throws -> APIResponse {
        let response: APIResponse
        do {
            response = try await next(Self.authorized(request, value))
        } catch let error as KafkaRESTError {
            throw CredentialEchoes(authorizationValue: value, credentials: credentials).scrub(error)
        }
        guard !response.isSuccess else { return response }
        return CredentialEchoes(authorizationValue: value, credentials: credentials).scrub(response)
    }

    /// For example `CredentialsMiddleware(apiKey(key: ABCD…, secret: <redacted>))`.
    public var description: String {
        "CredentialsMiddleware(\(credentials))"
    }

    /// A mirror holding only the redacted credentials.
    public var customMirror: Mirror {
        Mirror(self, children: ["credentials": credentials])
    }

    private static func authorized(_ request: APIRequest, _ value: String) -> APIRequest {
        var request = request
        request.headers.replaceOrAdd(name: "Authorization", value: value)
        return request
    }

    /// `scheme://host[:port]`, without any path or user info.
    private static func origin(of url: URL) -> String {
        let scheme = url.scheme ?? "(no scheme)"
        let host = url.host ?? "(no host)"
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }
}
