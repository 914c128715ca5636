import Foundation
@testable import KafkaREST
import KafkaRESTSupport
import Testing

/// ``CredentialsMiddleware`` on streamed requests: a 401 is answered with a fresh token only
/// while the body can still be sent from the start, and refusals come back scrubbed.
@Suite("Credentials: streamed requests")
struct CredentialsStreamTests {
    /// Refuses every stream with 401, after reading `readFirst` chunks of its body.
    final class RefusingServer: APITransport, @unchecked Sendable {
        let readFirst: Int
        private let lock = NSLock()
        private(set) var authorizations: [String?] = []

        init(readFirst: Int) {
            self.readFirst = readFirst
        }

        func send(_ request: APIRequest) async throws -> APIResponse {
            APIResponse(status: 500)
        }

        func stream(_ request: APIRequest) async throws -> StreamedResponse {
            let authorization = request.headers["Authorization"]
            lock.withLock { authorizations.append(authorization) }
            if readFirst > 0, case .stream(let body, _)? = request.body {
                var iterator = body.makeAsyncIterator()
                for _ in 0..<readFirst { _ = await iterator.next() }
            }
            let echo = Data(#"{"error_code":40101,"message":"bad token \#(authorization ?? "")"}"#.utf8)
            return StreamedResponse(APIResponse(status: 401, body: echo))
        }
    }

    private func open(_ server: RefusingServer, provider: SequenceTokenProvider) async throws -> KafkaRESTError {
        let chain = MiddlewareTransport(transport: server, middlewares: [
            try CredentialsMiddleware(credentials: .bearer(provider), baseURL: URL(string: "https://kafka.example/v3")!),
        ])
        let body = BodyStream()
        body.write { $0.append(contentsOf: Array("{}".utf8)) }
        return try await #require(throws: KafkaRESTError.self) {
            _ = try await chain.openProduceStream(path: "/clusters/c/topics/t/records", body: body)
        }
    }

    @Test("a 401 before any of the body was read is sent again once, on the same body, with a fresh token")
    func unreadBodyRenewed() async throws {
        let server = RefusingServer(readFirst: 0)
        let provider = SequenceTokenProvider(["old-token-1", "new-token-2"])
        let error = try await open(server, provider: provider)
        #expect(server.authorizations == ["Bearer old-token-1", "Bearer new-token-2"])
        #expect(await provider.calls == [false, true])
        #expect(error.status == 401)
        #expect(error.message == "bad token <redacted>", "the echoed token is scrubbed")
    }

    @Test("a 401 after part of the body was read is not sent again")
    func readBodyNotReplayed() async throws {
        let server = RefusingServer(readFirst: 1)
        let provider = SequenceTokenProvider(["old-token-1", "new-token-2"])
        let error = try await open(server, provider: provider)
        #expect(server.authorizations == ["Bearer old-token-1"])
        #expect(await provider.calls == [false])
        #expect(error.status == 401)
    }
}
