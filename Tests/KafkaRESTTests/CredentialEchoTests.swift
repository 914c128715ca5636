import AsyncHTTPClient
import Foundation
@testable import KafkaREST
import Testing
import TransportDoubles

@Suite("Credentials echoed by a server or unfit for a header")
struct CredentialEchoTests {
    private static let key = "ECHO-KEY-1"
    private static let secret = "s3cr/et\"pass+word"
    private static let basic = "Basic " + Data("\(key):\(secret)".utf8).base64EncodedString()

    private func client(_ credentials: Credentials, _ transport: ScriptedTransport) throws -> KafkaRESTClient {
        try KafkaRESTClient(configuration: testConfiguration(credentials: credentials), transport: transport)
    }

    /// A JSON error body whose message quotes `echo`, padded with the raw body text.
    private func echoing(_ echo: String) -> ScriptedTransport.Step {
        let message = String(decoding: try! JSONEncoder().encode("you sent \(echo)"), as: UTF8.self)
        return .json(401, #"{"error_code":40101,"message":\#(message),"raw":"\#(echo)"}"#)
    }

    @Test("an API key echoed in any spelling reaches neither the message nor the body snippet", arguments: [
        basic,
        String(basic.dropFirst("Basic ".count)),
        "\(key):\(secret)",
        secret,
        PathSegment.encode(secret),
        PathSegment.encode(secret).lowercased(),
    ])
    func apiKeyEchoScrubbed(echo: String) async throws {
        let transport = ScriptedTransport([echoing(echo)])
        let kafka = try client(.apiKey(key: Self.key, secret: Self.secret), transport)
        let error = try await #require(throws: KafkaRESTError.self) {
            _ = try await kafka.topic.listKafkaTopics(clusterID: "lkc-1")
        }
        let shown = "\(error) \(error.bodySnippet ?? "")"
        #expect(error.status == 401)
        #expect(error.message.hasPrefix("you sent <redacted>"), "\(error.message)")
        #expect(!shown.contains("s3cr"), "\(shown)")
        #expect(!shown.contains(String(Self.basic.dropFirst("Basic ".count))), "\(shown)")
        #expect(!shown.lowercased().contains("s3cr%2fet"), "\(shown)")
    }

    @Test("a bearer token echoed back is scrubbed")
    func bearerEchoScrubbed() async throws {
        let token = "tok-ABCDEFGH-123456"
        let transport = ScriptedTransport([echoing("Bearer \(token)"), echoing(token)])
        let kafka = try client(.bearer(StaticBearerToken(token)), transport)
        let error = try await #require(throws: KafkaRESTError.self) {
            _ = try await kafka.topic.listKafkaTopics(clusterID: "lkc-1")
        }
        #expect(transport.requests.count == 2)
        #expect(!"\(error) \(error.bodySnippet ?? "")".contains(token))
    }

    @Test("a bearer token with a control character is refused before sending, without showing it",
          arguments: ["tok-ABCDEFGH\n", "tok-AB\rCDEFGH", "tok-ABCDEFGH\u{0}", "tok-ABC\u{85}DEF"])
    func controlCharacterInTokenRefused(token: String) async throws {
        let transport = ScriptedTransport([.status(200)])
        let kafka = try client(.bearer(StaticBearerToken(token)), transport)
        let error = try await #require(throws: KafkaRESTError.self) {
            _ = try await kafka.topic.listKafkaTopics(clusterID: "lkc-1")
        }
        #expect(error.kind == .invalidRequest)
        #expect(!error.isRetryable)
        #expect(error.message.contains("control character"))
        #expect(!"\(error)".contains("ABC"))
        #expect(transport.requests.isEmpty)
    }

    @Test("an HTTP client error naming header values becomes a non-retryable error without them")
    func invalidHeaderValuesHidden() {
        for error in [HTTPClientError.invalidHeaderFieldValues(["Bearer tok-SECRET-VALUE\n"]), .invalidHeaderFieldNames(["X-tok-SECRET-VALUE\n"])] {
            let translated = TransportFailureClassifier.translate(error, operationID: "listKafkaTopics")
            let kafkaError = translated as? KafkaRESTError
            #expect(kafkaError?.kind == .invalidRequest)
            #expect(kafkaError?.isRetryable == false)
            #expect(kafkaError?.underlyingError == nil)
            #expect(!"\(translated)".contains("SECRET"))
        }
    }

    @Test("scrubbing error bodies leaves bytes that are not UTF-8 intact")
    func binaryBodyKept() {
        let echoes = CredentialEchoes(authorizationValue: "Bearer tok-ABCDEFGH", credentials: .bearer(StaticBearerToken("tok-ABCDEFGH")))
        let body = Data([0xFF, 0xFE]) + Data("tok-ABCDEFGH".utf8) + Data([0xC0])
        #expect(echoes.scrub(body) == Data([0xFF, 0xFE]) + Data("<redacted>".utf8) + Data([0xC0]))
    }

    @Test("a refused produce stream whose answer echoes the secret does not show it")
    func streamRefusalScrubbed() async throws {
        try await withStreamingServer(credentials: (key: Self.key, secret: Self.secret)) { server, transport in
            server.inject(.status(503, errorCode: 50301, message: "busy for \(Self.secret)"), matching: "produceRecord")
            let chain = MiddlewareTransport(transport: transport, middlewares: [
                try CredentialsMiddleware(
                    credentials: .apiKey(key: Self.key, secret: Self.secret),
                    baseURL: server.baseURL,
                    allowsCredentialsOverPlainHTTP: true
                ),
            ])
            let body = BodyStream()
            body.write { $0.append(contentsOf: Data(#"{"value":{"type":"STRING","data":"x"}}"#.utf8)) }
            defer { body.finish() }
            let error = try await #require(throws: KafkaRESTError.self) {
                _ = try await chain.openProduceStream(path: streamingPath(server), body: body)
            }
            #expect(error.message == "busy for <redacted>")
            #expect(!"\(error) \(error.bodySnippet ?? "")".contains("s3cr"))
        }
    }
}
