import Foundation
@testable import KafkaREST
import Testing
import TransportDoubles

/// What ``Observing`` saw.
private final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String?] = []

    var authorizations: [String?] { lock.withLock { stored } }

    func add(_ value: String?) {
        lock.withLock { stored.append(value) }
    }
}

/// Notes the `Authorization` header of each request it passes.
private struct Observing: Middleware {
    let seen: Seen

    func intercept(_ request: APIRequest, next: @Sendable (APIRequest) async throws -> APIResponse) async throws -> APIResponse {
        seen.add(request.headers["Authorization"])
        return try await next(request)
    }
}

/// Appends its name to a header on the way in, so the order of middlewares shows.
private struct Tagging: Middleware {
    let name: String

    func intercept(_ request: APIRequest, next: @Sendable (APIRequest) async throws -> APIResponse) async throws -> APIResponse {
        var request = request
        request.headers.add(name: "X-Trail", value: name)
        var response = try await next(request)
        response.headers.add(name: "X-Trail", value: name)
        return response
    }
}

@Suite("Middleware chain")
struct MiddlewareTransportTests {
    @Test("middlewares[0] is outermost: first to see the request, last to see the response")
    func order() async throws {
        let transport = ScriptedTransport([.status(200)])
        let response = try await send(request(.get), through: [Tagging(name: "outer"), Tagging(name: "inner")], to: transport)
        #expect(transport.requests.first?.headers.values(for: "X-Trail") == ["outer", "inner"])
        #expect(response.headers.values(for: "X-Trail") == ["inner", "outer"])
    }

    @Test("without middlewares the transport is called directly")
    func empty() async throws {
        let transport = ScriptedTransport([.status(204)])
        #expect(try await send(request(.delete), through: [], to: transport).status == 204)
        #expect(transport.requests.count == 1)
    }

    @Test("the client chain is transport errors → metrics → credentials → retry → logging → connection bias")
    func clientOrder() throws {
        let configuration = testConfiguration(retry: .standard, connectionBias: .closeEachRequest)
        let middlewares = try KafkaRESTClient.middlewares(for: configuration, adding: [])
        #expect(middlewares.map { String(describing: type(of: $0)) } == [
            "TransportErrorMiddleware", "MetricsMiddleware", "CredentialsMiddleware", "RetryMiddleware", "LoggingMiddleware", "ConnectionBiasMiddleware",
        ])
    }

    @Test("a user's middlewares run once per call, before the credentials and the retries")
    func userMiddlewares() async throws {
        let transport = ScriptedTransport([.status(503), .status(200)])
        let seen = Seen()
        let kafka = try KafkaRESTClient(
            configuration: testConfiguration(retry: RetryPolicy(maxAttempts: 2, initialBackoff: .zero, maxBackoff: .zero)),
            transport: transport,
            middlewares: [Observing(seen: seen), Tagging(name: "user")]
        )
        _ = try? await kafka.api.cluster.listKafkaClusters()
        #expect(seen.authorizations == [nil], "seen once, without credentials")
        #expect(transport.requests.count == 2, "retried below the user's middleware")
        #expect(transport.requests.allSatisfy { $0.headers["X-Trail"] == "user" && $0.headers["Authorization"] != nil })
    }
}
