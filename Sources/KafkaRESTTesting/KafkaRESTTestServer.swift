@_exported import KafkaRESTAPI
@_exported import KafkaRESTSupport
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// A Kafka REST v3 server on `127.0.0.1` for tests, backed by an in-memory cluster.
///
/// It speaks the shapes of the spec for clusters, topics, topic configs, ACLs and produce
/// (whole bodies, `records:batch`, or streamed with a report per record as it arrives; see
/// ``StreamFaults``),
/// can require Basic credentials, records every request, and misbehaves on demand
/// (``inject(_:times:matching:)``):
///
/// ```swift
/// let server = try await KafkaRESTTestServer.start(credentials: (key: "key", secret: "secret"))
/// defer { Task { try await server.stop() } }
/// server.inject(.rateLimitedHTML, matching: "listKafkaTopics")
/// // … point a client at server.baseURL …
/// ```
///
/// It speaks plain HTTP unless it is given a certificate (``TLS``), optionally asking clients
/// for theirs (mutual TLS).
public final class KafkaRESTTestServer: Sendable {
    /// The URL of the API, `http://127.0.0.1:<port><basePath>` (`https://` with ``TLS``).
    public let baseURL: URL
    /// The TCP port the server listens on.
    public let port: Int
    /// The cluster id the server answers for.
    public let clusterID: String

    let core: ServerCore
    private let listener: any Channel
    private let connections: Locked<[ObjectIdentifier: any Channel]>

    private init(
        baseURL: URL,
        port: Int,
        clusterID: String,
        core: ServerCore,
        listener: any Channel,
        connections: Locked<[ObjectIdentifier: any Channel]>
    ) {
        self.baseURL = baseURL
        self.port = port
        self.clusterID = clusterID
        self.core = core
        self.listener = listener
        self.connections = connections
    }

    /// Starts a server, by default on `127.0.0.1` on a port the system picks.
    ///
    /// - Parameters:
    ///   - basePath: The path the API lives under, such as `/v3` (self-managed) or `/kafka/v3` (Cloud).
    ///   - clusterID: The id of the one cluster; paths naming another cluster get 404.
    ///   - credentials: When set, every request needs `Authorization: Basic base64(key:secret)`
    ///     and gets 401 with error code 40101 without it.
    ///   - host: The address to listen on, such as `127.0.0.1` or `::1`; it is also the host of
    ///     ``baseURL`` and of the URLs in answers.
    ///   - port: The TCP port to listen on; 0 lets the system pick a free one (see ``port``).
    ///   - tls: The certificate to serve HTTPS with; `nil` serves plain HTTP.
    /// - Throws: If the listening socket cannot be opened, or the certificate or key of `tls`
    ///   cannot be read.
    public static func start(
        basePath: String = "/v3",
        clusterID: String = "test-cluster",
        credentials: (key: String, secret: String)? = nil,
        host: String = "127.0.0.1",
        port: Int = 0,
        tls: TLS? = nil
    ) async throws -> KafkaRESTTestServer {
        let normalizedBasePath = basePath.hasSuffix("/") ? String(basePath.dropLast()) : basePath
        let sslContext = try tls.map { try $0.makeContext() }
        let connections = Locked<[ObjectIdentifier: any Channel]>([:])
        // The core needs the port for its absolute URLs; connections only arrive once the
        // port is known, and by then the core is set.
        let boundCore = Locked<ServerCore?>(nil)
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    guard let core = boundCore.withLock({ $0 }) else {
                        throw ChannelError.ioOnClosedChannel
                    }
                    let id = ObjectIdentifier(channel)
                    connections.withLock { $0[id] = channel }
                    channel.closeFuture.whenComplete { _ in
                        connections.withLock { $0[id] = nil }
                    }
                    if let sslContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: sslContext))
                    }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(HTTPConnectionHandler(core: core))
                }
            }
            .bind(host: host, port: port)
            .get()
        guard let port = listener.localAddress?.port else {
            try await listener.close()
            throw ChannelError.unknownLocalAddress
        }
        let urlHost = host.contains(":") ? "[\(host)]" : host
        let base = "\(tls == nil ? "http" : "https")://\(urlHost):\(port)\(normalizedBasePath)"
        guard let baseURL = URL(string: base) else {
            try await listener.close()
            throw URLError(.badURL)
        }
        let core = ServerCore(
            basePath: normalizedBasePath,
            baseURL: base,
            clusterID: clusterID,
            credentials: credentials
        )
        boundCore.withLock { $0 = core }
        return KafkaRESTTestServer(
            baseURL: baseURL,
            port: port,
            clusterID: clusterID,
            core: core,
            listener: listener,
            connections: connections
        )
    }

    /// Closes the listening socket and every open connection; calling it again does nothing.
    public func stop() async throws {
        do {
            try await listener.close()
        } catch ChannelError.alreadyClosed {
            // Stopped before.
        }
        let open = connections.withLock { Array($0.values) }
        for connection in open {
            connection.close(promise: nil)
            try? await connection.closeFuture.get()
        }
    }

    /// Makes the next `times` requests that match get `fault`.
    ///
    /// Faults apply before authentication and routing, in the order injected.
    ///
    /// - Parameters:
    ///   - fault: What to do instead of (or, for ``Fault/delay(_:)``, before) the normal answer.
    ///   - times: How many matching requests get it.
    ///   - matching: A substring of the route's path template (`/clusters/{cluster_id}/topics`)
    ///     or operation name (`listKafkaTopics`), or of the path for unknown routes;
    ///     `nil` matches every request.
    public func inject(_ fault: Fault, times: Int = 1, matching: String? = nil) {
        guard times > 0 else { return }
        core.state.withLock {
            $0.faults.append(ServerState.PendingFault(fault: fault, remaining: times, matching: matching))
        }
    }

    /// Every complete request received so far, in order.
    public var requests: [RecordedRequest] {
        core.state.withLock { $0.requests }
    }

    /// Forgets the recorded requests.
    public func clearRequests() {
        core.state.withLock { $0.requests.removeAll() }
    }
}
