import Foundation
@testable import KafkaREST
import Testing
import TransportDoubles

@Suite("Secrets never appear in descriptions, dumps or errors")
struct RedactionTests {
    private let secret = "s3cr3t-value"
    private let token = "eyJhbGciOiJ-token"

    /// `description`, `debugDescription`, `String(reflecting:)` and `dump` of `value`.
    private func renderings(_ value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        var renderings = [String(describing: value), String(reflecting: value), dumped]
        if let value = value as? any CustomDebugStringConvertible {
            renderings.append(value.debugDescription)
        }
        return renderings
    }

    @Test("an API key shows its first four characters and the secret as <redacted>")
    func apiKeyCredentials() {
        let credentials = Credentials.apiKey(key: "ABCDEFGH", secret: secret)
        #expect(credentials.description == "apiKey(key: ABCD…, secret: <redacted>)")
        #expect(credentials.debugDescription == credentials.description)
        for text in renderings(credentials) {
            #expect(!text.contains(secret), "\(text)")
            #expect(!text.contains("ABCDE"), "\(text)")
            #expect(text.contains("<redacted>"), "\(text)")
        }
    }

    @Test("bearer credentials and static tokens never show the token")
    func bearerCredentials() {
        let provider = StaticBearerToken(token)
        let credentials = Credentials.bearer(provider)
        #expect(credentials.description == "bearer(StaticBearerToken, token: <redacted>)")
        #expect(provider.description == "StaticBearerToken(<redacted>)")
        for text in renderings(credentials) + renderings(provider) {
            #expect(!text.contains(token), "\(text)")
        }
    }

    @Test("a configuration shows the base URL, cluster and redacted credentials only")
    func configuration() throws {
        let configuration = try KafkaRESTConfiguration.confluentCloud(
            restEndpoint: "https://pkc-00000.eu-west-1.aws.confluent.cloud:443",
            clusterID: "lkc-abc123", apiKey: "ABCDEFGH", apiSecret: secret
        )
        #expect(configuration.description.contains("baseURL: https://pkc-00000.eu-west-1.aws.confluent.cloud:443/kafka/v3"))
        #expect(configuration.description.contains("clusterID: lkc-abc123"))
        #expect(configuration.description.contains("credentials: apiKey(key: ABCD…, secret: <redacted>)"))
        for text in renderings(configuration) {
            #expect(!text.contains(secret), "\(text)")
        }
    }

    @Test("the client and its middleware chain dump without the secret or the Basic value")
    func clientAndMiddlewares() throws {
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: ScriptedTransport())
        let basic = Base64.encode(Data("ABCDEFGH:\(secret)".utf8))
        let middleware = try CredentialsMiddleware(credentials: .apiKey(key: "ABCDEFGH", secret: secret), baseURL: URL(string: "https://pkc.example")!)
        for text in renderings(kafka) + renderings(kafka.api) + renderings(middleware) {
            #expect(!text.contains(secret), "\(text)")
            #expect(!text.contains(basic), "\(text)")
        }
    }

    @Test("errors about URLs with user info do not repeat them")
    func urlWithUserInfo() {
        #expect {
            _ = try KafkaRESTConfiguration.selfManaged(url: "https://user:\(secret)@proxy.example")
        } throws: { error in
            let text = "\(error)"
            return text.contains("must not contain user info") && !text.contains(secret)
        }
    }

    @Test("a transport failure surfaces as KafkaRESTError without request headers")
    func transportFailureError() async throws {
        let transport = ScriptedTransport([.failure(TransportFailure(phase: .connecting, underlying: NetworkError()))])
        let kafka = try KafkaRESTClient(configuration: testConfiguration(), transport: transport)
        let error = try await #require(throws: KafkaRESTError.self) {
            _ = try await kafka.topic.listKafkaTopics(clusterID: "lkc-1")
        }
        #expect(!"\(error)".contains(secret))
        #expect(!String(reflecting: error).contains(secret))
    }
}
