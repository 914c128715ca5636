import Foundation

/// What a ``HostileServer`` has seen so far: connections, request heads and body records.
final class HostileStatistics: @unchecked Sendable {
    private let lock = NSLock()
    private var connectionCount = 0
    private var seenRequests: [HostileRequest] = []
    private var recordCount = 0
    private var bodyBytesSent = 0

    /// Connections accepted (for TLS, before the handshake).
    var connections: Int { lock.withLock { connectionCount } }
    /// Every request head received, in order.
    var requests: [HostileRequest] { lock.withLock { seenRequests } }
    /// Records (body lines) received over all requests.
    var records: Int { lock.withLock { recordCount } }
    /// Bytes of endless bodies written to the socket so far, over all connections.
    var endlessBodyBytes: Int { lock.withLock { bodyBytesSent } }

    func accepted() {
        lock.withLock { connectionCount += 1 }
    }

    func received(_ request: HostileRequest) {
        lock.withLock { seenRequests.append(request) }
    }

    func receivedRecords(_ count: Int) {
        lock.withLock { recordCount += count }
    }

    func sentBodyBytes(_ count: Int) {
        lock.withLock { bodyBytesSent += count }
    }
}

extension HostileStatistics {
    /// The requests for paths of the hostile cluster (``HostileSecrets/cluster``), which leaves
    /// out a stray request from another test that connects to the port of a server it stopped,
    /// should this server have been given that port.
    var clusterRequests: [HostileRequest] {
        requests.filter { $0.target.hasPrefix("/v3/clusters/\(HostileSecrets.cluster)/") }
    }
}
