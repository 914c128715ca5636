import Foundation

/// Opens streaming produce requests through an ``AsyncHTTPClientTransport`` with the
/// `Authorization` header of ``Credentials``: `Basic base64(key:secret)` for an API key,
/// `Bearer <token>` for a token provider, asked (without forcing a refresh) each time a
/// stream opens, so a provider that renews tokens before they expire keeps new streams
/// authorized.
///
/// A stream refused with 401 fails with that error. With a token provider,
/// ``StreamingProducer`` then opens the next stream once more with a refreshed token (no record
/// was written to the refused one); a second 401, or any 401 with an API key, is unrecoverable.
///
/// ```swift
/// let connector = try AuthorizingProduceStreamConnector(
///     transport: transport, credentials: .apiKey(key: key, secret: secret))
/// let producer = StreamingProducer(connector: connector, path: path)
/// ```
public struct AuthorizingProduceStreamConnector: ProduceStreamConnector, CustomStringConvertible {
    /// The transport that opens the streams.
    public let transport: AsyncHTTPClientTransport
    /// The credentials sent; `nil` sends no `Authorization` header.
    public let credentials: Credentials?

    /// Creates a connector.
    ///
    /// - Parameters:
    ///   - transport: Opens the streams; its base URL decides where credentials go.
    ///   - credentials: What to send, or `nil` for nothing.
    ///   - allowsCredentialsOverPlainHTTP: Whether credentials may go to an `http://` base URL.
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest``, as
    ///   ``CredentialsMiddleware`` does, when credentials would go over plain HTTP without
    ///   permission or the base URL is neither `http` nor `https`.
    public init(
        transport: AsyncHTTPClientTransport,
        credentials: Credentials?,
        allowsCredentialsOverPlainHTTP: Bool = false
    ) throws {
        if let credentials {
            _ = try CredentialsMiddleware(
                credentials: credentials,
                baseURL: transport.baseURL,
                allowsCredentialsOverPlainHTTP: allowsCredentialsOverPlainHTTP
            )
        }
        self.transport = transport
        self.credentials = credentials
    }

    /// Opens a stream with the `Authorization` header; see
    /// ``AsyncHTTPClientTransport/openStream(path:body:headers:)``.
    ///
    /// - Throws: What that throws, and errors of the ``BearerTokenProvider`` unchanged.
    public func openStream(path: String, body: AsyncStream<Data>) async throws -> AsyncThrowingStream<Data, any Error> {
        try await openStream(path: path, body: body, renewingCredentials: false)
    }

    /// Whether the credentials are a bearer token provider, which can be asked for a new token.
    public var canRenewCredentials: Bool {
        if case .bearer = credentials { return true }
        return false
    }

    /// Opens a stream; with `renewingCredentials`, the token provider is asked with
    /// `forceRefresh: true` first.
    ///
    /// - Throws: What ``AsyncHTTPClientTransport/openStream(path:body:headers:)`` throws, with
    ///   the credentials sent removed from a ``KafkaRESTError``'s message and body snippet
    ///   (see ``CredentialEchoes``); errors of the ``BearerTokenProvider`` unchanged.
    public func openStream(path: String, body: AsyncStream<Data>, renewingCredentials: Bool) async throws -> AsyncThrowingStream<Data, any Error> {
        guard let credentials else {
            return try await transport.openStream(path: path, body: body, headers: KafkaRESTSupport.HTTPHeaders())
        }
        let value = try await credentials.authorizationValue(forceRefresh: renewingCredentials)
        var headers = KafkaRESTSupport.HTTPHeaders()
        headers.add(name: "Authorization", value: value)
        do {
            return try await transport.openStream(path: path, body: body, headers: headers)
        } catch let error as KafkaRESTError {
            throw CredentialEchoes(authorizationValue: value, credentials: credentials).scrub(error)
        }
    }

    /// For example `AuthorizingProduceStreamConnector(https://…/kafka/v3, apiKey(key: ABCD…, secret: <redacted>))`.
    public var description: String {
        "AuthorizingProduceStreamConnector(\(EndpointURL.describe(transport.baseURL)), \(credentials.map(\.description) ?? "no credentials"))"
    }
}
