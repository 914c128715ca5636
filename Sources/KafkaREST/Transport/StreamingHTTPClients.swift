import AsyncHTTPClient
import Foundation
import NIOCore

/// The HTTP clients of producers made by ``KafkaRESTClient/streamingProducer(topic:cluster:options:)``:
/// one per connect timeout, created on first use with ``AsyncHTTPClientTransport``'s
/// configuration (TLS verification, no redirects) and kept for the life of the process, like
/// `HTTPClient.shared`, since a producer has no shutdown of its own.
enum StreamingHTTPClients {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var clients: [Duration: HTTPClient] = [:]

    /// The client for `timeouts.connect`.
    static func client(for timeouts: Timeouts) -> HTTPClient {
        lock.withLock {
            if let client = clients[timeouts.connect] {
                return client
            }
            let client = HTTPClient(
                eventLoopGroup: HTTPClient.defaultEventLoopGroup,
                configuration: AsyncHTTPClientTransport.configuration(timeouts)
            )
            clients[timeouts.connect] = client
            return client
        }
    }
}
