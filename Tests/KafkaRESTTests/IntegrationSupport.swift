import Foundation
import KafkaREST
import KafkaRESTTesting

/// The API key the integration tests' server requires.
let integrationCredentials = (key: "INTEGRATION-KEY", secret: "integration-secret")

/// Starts a test server that requires ``integrationCredentials``, runs `body` with it and a
/// ``KafkaRESTClient`` configured for it (self-managed, Basic auth over loopback HTTP, quick
/// retries), then shuts the client down and stops the server, also when `body` throws.
func withIntegrationClient<T>(
    key: String = integrationCredentials.key,
    secret: String = integrationCredentials.secret,
    _ body: (KafkaRESTTestServer, KafkaRESTClient) async throws -> T
) async throws -> T {
    try await withTestServer(credentials: integrationCredentials) { server in
        var configuration = try KafkaRESTConfiguration.selfManaged(
            url: "http://127.0.0.1:\(server.port)",
            clusterID: server.clusterID,
            credentials: .apiKey(key: key, secret: secret)
        )
        configuration.allowsCredentialsOverPlainHTTP = true
        configuration.timeouts = Timeouts(connect: .seconds(5), request: .seconds(10))
        configuration.retry = RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(10), maxBackoff: .milliseconds(50))
        let kafka = try KafkaRESTClient(configuration: configuration)
        do {
            let result = try await body(server, kafka)
            try await kafka.shutdown()
            return result
        } catch {
            try? await kafka.shutdown()
            throw error
        }
    }
}
