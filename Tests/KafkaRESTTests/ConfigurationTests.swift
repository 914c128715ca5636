import Foundation
@testable import KafkaREST
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    @Test("Confluent Cloud: the REST endpoint gets /kafka/v3 and the key becomes credentials")
    func confluentCloud() throws {
        let configuration = try KafkaRESTConfiguration.confluentCloud(
            restEndpoint: "https://pkc-00000.region.provider.confluent.cloud:443",
            clusterID: "lkc-abc123", apiKey: "KEY1", apiSecret: "SECRET1"
        )
        #expect(configuration.baseURL.absoluteString == "https://pkc-00000.region.provider.confluent.cloud:443/kafka/v3")
        #expect(configuration.clusterID == "lkc-abc123")
        guard case .apiKey(let key, let secret)? = configuration.credentials else {
            Issue.record("expected API key credentials")
            return
        }
        #expect(key == "KEY1")
        #expect(secret == "SECRET1")
        #expect(!configuration.allowsCredentialsOverPlainHTTP)
    }

    @Test("Confluent Cloud accepts a trailing slash or an existing /kafka/v3",
          arguments: ["https://pkc-1.example.cloud/", "https://pkc-1.example.cloud/kafka/v3", "https://pkc-1.example.cloud/kafka/v3/"])
    func confluentCloudVariants(endpoint: String) throws {
        let configuration = try KafkaRESTConfiguration.confluentCloud(restEndpoint: endpoint, clusterID: "lkc-1", apiKey: "k", apiSecret: "s")
        #expect(configuration.baseURL.absoluteString == "https://pkc-1.example.cloud/kafka/v3")
    }

    @Test("self-managed: /v3 is appended to the proxy URL and its path",
          arguments: [("http://localhost:8082", "http://localhost:8082/v3"),
                      ("https://gateway.example.com/kafka-rest/", "https://gateway.example.com/kafka-rest/v3"),
                      ("http://localhost:8082/v3", "http://localhost:8082/v3")])
    func selfManaged(url: String, expected: String) throws {
        let configuration = try KafkaRESTConfiguration.selfManaged(url: url, clusterID: "cluster-1")
        #expect(configuration.baseURL.absoluteString == expected)
        #expect(configuration.clusterID == "cluster-1")
        #expect(configuration.credentials == nil)
    }

    @Test("invalid endpoints throw invalidRequest saying what is wrong", arguments: [
        ("pkc-00000.region.provider.confluent.cloud:443", "restEndpoint 'pkc-00000.region.provider.confluent.cloud:443' is not a URL; expected https:// followed by a host name"),
        ("http://pkc-00000.region.provider.confluent.cloud", "uses the scheme http://; expected https://"),
        ("https://", "has no host name"),
        ("", "restEndpoint is empty"),
        ("https://pkc-1.example.cloud/kafka", "has the path /kafka; expected only scheme, host and port"),
        ("https://pkc-1.example.cloud?x=1", "must not have a query or fragment"),
    ])
    func invalidCloudEndpoint(endpoint: String, expectedMessage: String) {
        #expect {
            _ = try KafkaRESTConfiguration.confluentCloud(restEndpoint: endpoint, clusterID: "lkc-1", apiKey: "k", apiSecret: "s")
        } throws: { error in
            guard let error = error as? KafkaRESTError else { return false }
            return error.kind == .invalidRequest && error.message.contains(expectedMessage)
        }
    }

    @Test("an empty cluster id, key or secret is rejected by name")
    func emptyCloudFields() {
        #expect {
            _ = try KafkaRESTConfiguration.confluentCloud(restEndpoint: "https://pkc-1.example.cloud", clusterID: "lkc-1", apiKey: "", apiSecret: "s")
        } throws: { ($0 as? KafkaRESTError)?.message == "apiKey is empty" }
    }

    @Test("self-managed rejects other schemes")
    func selfManagedScheme() {
        #expect {
            _ = try KafkaRESTConfiguration.selfManaged(url: "ftp://proxy.example")
        } throws: { ($0 as? KafkaRESTError)?.message == "url 'ftp://proxy.example' uses the scheme ftp://; expected http:// or https://" }
    }

    @Test("defaults: 10 s connect, 30 s request, standard retry, keep-alive, no plain-HTTP credentials, kafka-rest logger")
    func defaults() {
        let configuration = KafkaRESTConfiguration(baseURL: URL(string: "https://pkc.example/kafka/v3")!)
        #expect(configuration.timeouts.connect == .seconds(10))
        #expect(configuration.timeouts.request == .seconds(30))
        #expect(configuration.retry == .standard)
        #expect(configuration.connectionBias == .keepAlive)
        #expect(!configuration.allowsCredentialsOverPlainHTTP)
        #expect(configuration.logger.label == "kafka-rest")
        #expect(configuration.clusterID == nil)
        #expect(configuration.credentials == nil)
    }

    @Test("a base URL that is not http(s) with a host is rejected by the client")
    func clientRejectsBadBaseURL() {
        #expect {
            _ = try KafkaRESTClient(configuration: KafkaRESTConfiguration(baseURL: URL(string: "file:///tmp/v3")!), transport: ScriptedTransportStub())
        } throws: { ($0 as? KafkaRESTError)?.kind == .invalidRequest }
    }
}

/// A transport that must not be called.
private struct ScriptedTransportStub: APITransport {
    func send(_ request: APIRequest) async throws -> APIResponse {
        Issue.record("unexpected request \(request.operationID)")
        return APIResponse(status: 500)
    }
}
