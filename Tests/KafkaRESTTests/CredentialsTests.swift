import Foundation
@testable import KafkaREST
import Testing
import TransportDoubles

/// A token provider that hands out `tokens` in order and records each `forceRefresh`.
actor SequenceTokenProvider: BearerTokenProvider {
    private var tokens: [String]
    private(set) var calls: [Bool] = []

    init(_ tokens: [String]) {
        self.tokens = tokens
    }

    func token(forceRefresh: Bool) async throws -> String {
        calls.append(forceRefresh)
        return tokens.count > 1 ? tokens.removeFirst() : tokens[0]
    }
}

@Suite("Credentials")
struct CredentialsTests {
    private let httpsBase = URL(string: "https://pkc.example/kafka/v3")!

    @Test("an API key is sent as Basic base64(key:secret)")
    func basicHeaderValue() async throws {
        let middleware = try CredentialsMiddleware(credentials: .apiKey(key: "Aladdin", secret: "open sesame"), baseURL: httpsBase)
        let transport = ScriptedTransport([.status(200)])
        _ = try await send(request(.get), through: [middleware], to: transport)
        #expect(transport.requests.first?.headers["Authorization"] == "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
    }

    @Test("an API key with non-ASCII characters is encoded as UTF-8")
    func basicHeaderUTF8() async throws {
        let middleware = try CredentialsMiddleware(credentials: .apiKey(key: "KEY", secret: "pässwörd"), baseURL: httpsBase)
        let transport = ScriptedTransport([.status(200)])
        _ = try await send(request(.get), through: [middleware], to: transport)
        #expect(transport.requests.first?.headers["Authorization"] == "Basic S0VZOnDDpHNzd8O2cmQ=")
    }

    @Test("a bearer token is sent as Bearer <token>")
    func bearerHeader() async throws {
        let middleware = try CredentialsMiddleware(credentials: .bearer(StaticBearerToken("tok-123")), baseURL: httpsBase)
        let transport = ScriptedTransport([.status(200)])
        _ = try await send(request(.get), through: [middleware], to: transport)
        #expect(transport.requests.first?.headers["Authorization"] == "Bearer tok-123")
        #expect(transport.requests.first?.headers.values(for: "Authorization").count == 1)
    }

    @Test("a 401 to a bearer token refreshes it once and repeats the request once")
    func bearerRefreshOn401() async throws {
        let provider = SequenceTokenProvider(["old", "new"])
        let middleware = try CredentialsMiddleware(credentials: .bearer(provider), baseURL: httpsBase)
        let transport = ScriptedTransport([.status(401), .status(201)])
        let response = try await send(request(.post), through: [middleware], to: transport)
        #expect(response.status == 201)
        #expect(transport.requests.map { $0.headers["Authorization"] } == ["Bearer old", "Bearer new"])
        #expect(await provider.calls == [false, true])
    }

    @Test("a second 401 is returned, not retried again")
    func bearerRefreshOnlyOnce() async throws {
        let provider = SequenceTokenProvider(["old", "new", "newer"])
        let middleware = try CredentialsMiddleware(credentials: .bearer(provider), baseURL: httpsBase)
        let transport = ScriptedTransport([.status(401), .status(401), .status(200)])
        let response = try await send(request(.get), through: [middleware], to: transport)
        #expect(response.status == 401)
        #expect(transport.requests.count == 2)
        #expect(await provider.calls == [false, true])
    }

    @Test("a 401 to an API key is returned without repeating")
    func apiKeyNotRepeatedOn401() async throws {
        let middleware = try CredentialsMiddleware(credentials: .apiKey(key: "k", secret: "s"), baseURL: httpsBase)
        let transport = ScriptedTransport([.status(401), .status(200)])
        #expect(try await send(request(.get), through: [middleware], to: transport).status == 401)
        #expect(transport.requests.count == 1)
    }

    @Test("credentials over http:// are refused before anything is sent, saying how to opt in")
    func plainHTTPRefused() throws {
        let transport = ScriptedTransport([.status(200)])
        let configuration = KafkaRESTConfiguration(
            baseURL: URL(string: "http://localhost:8082/v3")!,
            credentials: .apiKey(key: "ABCDEFGH", secret: "s3cr3t-value")
        )
        let error = try #require(throws: KafkaRESTError.self) {
            _ = try KafkaRESTClient(configuration: configuration, transport: transport)
        }
        #expect(error.kind == .invalidRequest)
        #expect(error.message.contains("refusing to send credentials over plain HTTP to http://localhost:8082"))
        #expect(error.message.contains("set KafkaRESTConfiguration.allowsCredentialsOverPlainHTTP = true"))
        #expect(!"\(error)".contains("s3cr3t-value"))
        #expect(transport.requests.isEmpty)
    }

    @Test("allowsCredentialsOverPlainHTTP lets credentials go over http://")
    func plainHTTPOptIn() async throws {
        let transport = ScriptedTransport([.json(200, topicPage([], next: "null"))])
        var configuration = try KafkaRESTConfiguration.selfManaged(
            url: "http://localhost:8082", credentials: .apiKey(key: "Aladdin", secret: "open sesame")
        )
        configuration.allowsCredentialsOverPlainHTTP = true
        let kafka = try KafkaRESTClient(configuration: configuration, transport: transport)
        _ = try await kafka.topic.listKafkaTopics(clusterID: "lkc-1")
        #expect(transport.requests.first?.headers["Authorization"] == "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
    }

    @Test("without credentials http:// is fine and no Authorization is sent")
    func plainHTTPWithoutCredentials() async throws {
        let transport = ScriptedTransport([.json(200, topicPage([], next: "null"))])
        let kafka = try KafkaRESTClient(configuration: .selfManaged(url: "http://localhost:8082"), transport: transport)
        _ = try await kafka.topic.listKafkaTopics(clusterID: "lkc-1")
        #expect(transport.requests.first?.headers["Authorization"] == nil)
    }

    @Test("each retry attempt carries the Authorization header")
    func retriesCarryCredentials() async throws {
        let transport = ScriptedTransport([.status(503), .json(200, topicPage([], next: "null"))])
        let policy = RetryPolicy(initialBackoff: .zero)
        let kafka = try KafkaRESTClient(configuration: testConfiguration(retry: policy), transport: transport)
        _ = try await kafka.topic.listKafkaTopics(clusterID: "lkc-1")
        #expect(transport.requests.count == 2)
        #expect(transport.requests.allSatisfy { $0.headers["Authorization"]?.hasPrefix("Basic ") == true })
    }
}
