import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A server of our own on 127.0.0.1 that misbehaves on purpose, in one ``HostileMode``,
/// over plain TCP or TLS with an untrusted certificate (``HostileCertificate``).
///
/// Each server runs on an event loop of its own, so that its endless writers never delay the
/// shared event loops other tests' clients and servers run on.
final class HostileServer: Sendable {
    /// The port it listens on.
    let port: Int
    /// What it has seen.
    let statistics: HostileStatistics
    /// How many of its connections are open.
    var openConnections: Int { connections.count }
    private let channel: any Channel
    private let connections: OpenChannels
    private let group: MultiThreadedEventLoopGroup

    private init(port: Int, statistics: HostileStatistics, channel: any Channel, connections: OpenChannels, group: MultiThreadedEventLoopGroup) {
        self.port = port
        self.statistics = statistics
        self.channel = channel
        self.connections = connections
        self.group = group
    }

    /// Starts a server in `mode` on a free port of 127.0.0.1; with `tls`, every connection
    /// speaks TLS with ``HostileCertificate``.
    static func start(_ mode: HostileMode, tls: Bool = false) async throws -> HostileServer {
        let statistics = HostileStatistics()
        let connections = OpenChannels()
        let context = tls ? try HostileCertificate.serverContext() : nil
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bound: any Channel
        do {
            bound = try await bind(mode, context: context, statistics: statistics, connections: connections, group: group)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
        guard let port = bound.localAddress?.port else {
            try? await bound.close()
            try? await group.shutdownGracefully()
            throw ServerNotBound()
        }
        return HostileServer(port: port, statistics: statistics, channel: bound, connections: connections, group: group)
    }

    /// A listening channel on a free port of 127.0.0.1 whose connections carry out `mode`.
    private static func bind(
        _ mode: HostileMode,
        context: NIOSSLContext?,
        statistics: HostileStatistics,
        connections: OpenChannels,
        group: MultiThreadedEventLoopGroup
    ) async throws -> any Channel {
        try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                statistics.accepted()
                connections.add(child)
                return child.eventLoop.makeCompletedFuture {
                    let pipeline = child.pipeline.syncOperations
                    if let context {
                        try pipeline.addHandler(NIOSSLServerHandler(context: context))
                    }
                    try pipeline.addHandler(HostileConnectionHandler(mode: mode, statistics: statistics))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
    }

    /// Stops listening, closes every connection (which also ends endless writers) and shuts
    /// down the event loop.
    func stop() async {
        try? await channel.close()
        await connections.closeAll()
        try? await group.shutdownGracefully()
    }

    private struct ServerNotBound: Error {}
}

/// Starts a ``HostileServer`` in `mode`, runs `body` with it and stops it, whether `body`
/// returns or throws.
func withHostileServer<T>(_ mode: HostileMode, tls: Bool = false, _ body: (HostileServer) async throws -> T) async throws -> T {
    let server = try await HostileServer.start(mode, tls: tls)
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// The connections of a server that are still open.
private final class OpenChannels: @unchecked Sendable {
    private let lock = NSLock()
    private var channels: [ObjectIdentifier: any Channel] = [:]

    func add(_ channel: any Channel) {
        let id = ObjectIdentifier(channel)
        lock.withLock { channels[id] = channel }
        channel.closeFuture.whenComplete { _ in
            self.lock.withLock { self.channels[id] = nil }
        }
    }

    var count: Int { lock.withLock { channels.count } }

    func closeAll() async {
        for channel in lock.withLock({ Array(channels.values) }) {
            try? await channel.close()
        }
    }
}
