import Foundation
import KafkaREST
import Testing

/// Error answers a server sends forever or with hostile content: rate limiting without end,
/// `Retry-After` values that are absurd, and the client's own credentials echoed back.
@Suite("Hostile servers: error responses")
struct HostileErrorResponseTests {
    /// A 429 for every request, with `Retry-After: retryAfter` if given.
    static func tooManyRequests(retryAfter: String?) -> HostileMode {
        .respond { _ in
            .json(429, #"{"error_code":42901,"message":"slow down"}"#, headers: retryAfter.map { [("Retry-After", $0)] } ?? [])
        }
    }

    /// A 401 whose body, message and a header repeat the request's `Authorization` value and,
    /// for Basic, the decoded `key:secret` pair.
    static let echoesAuthorization = HostileMode.respond { request in
        let authorization = request.header("Authorization") ?? "(none)"
        let decoded = authorization.hasPrefix("Basic ")
            ? Data(base64Encoded: String(authorization.dropFirst(6))).map { String(decoding: $0, as: UTF8.self) } ?? ""
            : ""
        let message = "bad credentials: you sent Authorization: \(authorization) (\(decoded))"
        let body = #"{"error_code":40101,"message":"\#(message)","echo":"\#(authorization)"}"#
        return .json(401, body, headers: [("X-Echo", authorization)])
    }

    @Test("429 forever: a list request gives up after maxAttempts with the 429")
    func tooManyRequestsForever() async throws {
        try await withinHangCap {
            try await withHostileServer(Self.tooManyRequests(retryAfter: nil)) { server in
                let retry = RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(10), maxBackoff: .milliseconds(50), deadline: .seconds(20))
                let error = try await withHostileClient(server, retry: retry) { client in
                    await hostileError { try await client.topic.listKafkaTopics(clusterID: HostileSecrets.cluster) }
                }
                let failure = try #require(error as? KafkaRESTError)
                #expect(failure.kind == .http && failure.status == 429 && failure.errorCode == 42901, "\(failure)")
                #expect(server.statistics.clusterRequests.count == 3)
            }
        }
    }

    @Test(
        "Retry-After huge or negative: the wait is capped or ignored, and the request gives up after maxAttempts",
        arguments: ["999999", "-5"]
    )
    func retryAfter(value: String) async throws {
        try await withinHangCap {
            try await withHostileServer(Self.tooManyRequests(retryAfter: value)) { server in
                let retry = RetryPolicy(maxAttempts: 2, initialBackoff: .milliseconds(10), maxBackoff: .milliseconds(200), deadline: .seconds(20))
                let error = try await withHostileClient(server, retry: retry) { client in
                    await hostileError { try await client.topic.listKafkaTopics(clusterID: HostileSecrets.cluster) }
                }
                let failure = try #require(error as? KafkaRESTError)
                #expect(failure.kind == .http && failure.status == 429, "\(failure)")
                #expect(server.statistics.clusterRequests.count == 2)
            }
        }
    }

    @Test(
        "`kafka-rest topics list` against 429 forever or absurd Retry-After exits 3 after --retries",
        arguments: [nil, "999999", "-5"] as [String?]
    )
    func tooManyRequestsCommand(retryAfter: String?) async throws {
        try await withinHangCap {
            try await withHostileServer(Self.tooManyRequests(retryAfter: retryAfter)) { server in
                let run = try await runHostileCLI(["topics", "list", "--retries", "1"], against: server)
                #expect(run.status == 3, "\(run.stderr)")
                #expect(run.stderr.contains("HTTP 429, error_code 42901"), "\(run.stderr)")
                #expect(server.statistics.clusterRequests.count == 2)
            }
        }
    }

    @Test("an echoed Authorization header reaches no error description, message or snippet", arguments: [false, true])
    func echoedAuthorization(bearer: Bool) async throws {
        try await withinHangCap {
            try await withHostileServer(Self.echoesAuthorization) { server in
                let credentials = bearer ? HostileSecrets.bearer : HostileSecrets.apiKey
                let error = try await withHostileClient(server, credentials: credentials) { client in
                    await hostileError { try await client.topic.listKafkaTopics(clusterID: HostileSecrets.cluster) }
                }
                let failure = try #require(error as? KafkaRESTError)
                #expect(failure.kind == .http && failure.status == 401 && failure.errorCode == 40101, "\(failure)")
                let sent = try #require(server.statistics.clusterRequests.first?.header("Authorization"))
                #expect(sent.contains(bearer ? HostileSecrets.token : HostileSecrets.basicPair), "the server did see the credential it echoes")
            }
        }
    }

    @Test("an echoed Authorization header reaches no produce outcome", arguments: [false, true])
    func echoedAuthorizationOnProduce(bearer: Bool) async throws {
        try await withinHangCap {
            try await withHostileServer(Self.echoesAuthorization) { server in
                let results = try await produceHostile(server, credentials: bearer ? HostileSecrets.bearer : HostileSecrets.apiKey)
                for failure in failures(results) {
                    #expect(failure.status == 401, "\(failure)")
                    expectNoSecret(in: failure)
                }
            }
        }
    }

    @Test(
        "an echoed Authorization header reaches no output of `kafka-rest topics list` or `produce`",
        arguments: [false, true]
    )
    func echoedAuthorizationCommand(bearer: Bool) async throws {
        try await withinHangCap {
            try await withHostileServer(Self.echoesAuthorization) { server in
                let list = try await runHostileCLI(["topics", "list", "--retries", "0"], against: server, bearer: bearer)
                #expect(list.status == 3, "\(list.stderr)")
                #expect(list.stderr.contains("HTTP 401"), "\(list.stderr)")
                let produce = try await runHostileCLI(
                    ["produce", "events"] + HostileRecords.arguments + ["--retries", "0"],
                    against: server,
                    bearer: bearer
                )
                #expect(produce.status == 1, "\(produce.stderr)")
                #expect(producedStatuses(produce) == ["failed", "failed", "failed"], "\(produce.stdout)")
                #expect(produce.stdout.contains("401"), "\(produce.stdout)")
            }
        }
    }
}
