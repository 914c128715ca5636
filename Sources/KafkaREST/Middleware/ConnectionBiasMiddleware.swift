import Foundation

/// Adds `Connection: close` to requests as a ``ConnectionBias`` asks, so the transport opens
/// new connections and a load balancer can spread them over servers.
///
/// Place it inside ``RetryMiddleware`` so that every attempt counts.
public struct ConnectionBiasMiddleware: Middleware {
    /// The bias applied.
    public let bias: ConnectionBias
    private let counter = RequestCounter()

    /// Creates the middleware; each instance counts its own requests for
    /// ``ConnectionBias/rotate(afterRequests:)``.
    public init(bias: ConnectionBias) {
        self.bias = bias
    }

    /// Sends `request`, with `Connection: close` when the bias asks for it.
    public func intercept(
        _ request: APIRequest,
        next: @Sendable (APIRequest) async throws -> APIResponse
    ) async throws -> APIResponse {
        let closes: Bool
        switch bias {
        case .keepAlive:
            closes = false
        case .closeEachRequest:
            closes = true
        case .rotate(let afterRequests):
            closes = counter.increment() % max(afterRequests, 1) == 0
        }
        guard closes else {
            return try await next(request)
        }
        var request = request
        request.headers.replaceOrAdd(name: "Connection", value: "close")
        return try await next(request)
    }
}

/// A thread-safe count of requests.
private final class RequestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// Adds one and returns the new count.
    func increment() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}
