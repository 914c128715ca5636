import Foundation
@testable import KafkaREST
import Testing
import TransportDoubles

@Suite("Retry rules")
struct RetryMiddlewareTests {
    @Test("429 is retried for GET and the later success returned")
    func tooManyRequestsRetried() async throws {
        let clock = FakeClock()
        let transport = ScriptedTransport([.status(429), .status(200, body: "ok")])
        let response = try await send(request(.get), through: [retryMiddleware(clock: clock)], to: transport)
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "ok")
        #expect(transport.requests.count == 2)
    }

    @Test("502, 503 and 504 are retried for GET, PUT, DELETE and HEAD", arguments: [502, 503, 504], [APIMethod.get, .put, .delete, .head])
    func gatewayErrorsRetriedForIdempotentMethods(status: Int, method: APIMethod) async throws {
        let transport = ScriptedTransport([.status(status), .status(200)])
        let response = try await send(request(method), through: [retryMiddleware(clock: FakeClock())], to: transport)
        #expect(response.status == 200)
        #expect(transport.requests.count == 2)
    }

    @Test("POST and PATCH are not retried after 502, 503 or 504", arguments: [502, 503, 504], [APIMethod.post, .patch])
    func gatewayErrorsNotRetriedForPost(status: Int, method: APIMethod) async throws {
        let clock = FakeClock()
        let transport = ScriptedTransport([.status(status), .status(200)])
        let response = try await send(request(method), through: [retryMiddleware(clock: clock)], to: transport)
        #expect(response.status == status)
        #expect(transport.requests.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test("POST is retried after 429")
    func postRetriedAfter429() async throws {
        let transport = ScriptedTransport([.status(429), .status(201)])
        let response = try await send(request(.post), through: [retryMiddleware(clock: FakeClock())], to: transport)
        #expect(response.status == 201)
        #expect(transport.requests.count == 2)
        #expect(transport.requests.allSatisfy { $0.body != nil })
    }

    @Test("POST is retried after a failure while connecting")
    func postRetriedAfterConnecting() async throws {
        let transport = ScriptedTransport([.failure(TransportFailure(phase: .connecting, underlying: NetworkError())), .status(201)])
        let response = try await send(request(.post), through: [retryMiddleware(clock: FakeClock())], to: transport)
        #expect(response.status == 201)
        #expect(transport.requests.count == 2)
    }

    @Test("POST is not retried after a failure once the request was sent", arguments: [TransportFailure.Phase.sending, .awaitingResponse])
    func postNotRetriedAfterSending(phase: TransportFailure.Phase) async throws {
        let transport = ScriptedTransport([.failure(TransportFailure(phase: phase, underlying: NetworkError())), .status(201)])
        await #expect {
            _ = try await send(request(.post), through: [retryMiddleware(clock: FakeClock())], to: transport)
        } throws: { error in
            (error as? TransportFailure)?.phase == phase
        }
        #expect(transport.requests.count == 1)
    }

    @Test("GET is retried after a failure once the request was sent", arguments: [TransportFailure.Phase.sending, .awaitingResponse])
    func getRetriedAfterSending(phase: TransportFailure.Phase) async throws {
        let transport = ScriptedTransport([.failure(TransportFailure(phase: phase, underlying: NetworkError())), .status(200)])
        let response = try await send(request(.get), through: [retryMiddleware(clock: FakeClock())], to: transport)
        #expect(response.status == 200)
        #expect(transport.requests.count == 2)
    }

    @Test("a transport KafkaRESTError without a TransportFailure is not retried")
    func transportErrorWithoutPhase() async throws {
        let tooLarge = KafkaRESTError(kind: .transport, message: "the response body exceeds 32 MiB")
        let transport = ScriptedTransport([.failure(tooLarge), .status(200)])
        await #expect(throws: KafkaRESTError.self) {
            _ = try await send(request(.get), through: [retryMiddleware(clock: FakeClock())], to: transport)
        }
        #expect(transport.requests.count == 1)
    }

    @Test("a transport KafkaRESTError wrapping a connecting failure is retried for POST")
    func wrappedConnectingFailure() async throws {
        let failure = KafkaRESTError(kind: .transport, message: "refused", underlyingError: TransportFailure(phase: .connecting, underlying: NetworkError()))
        let transport = ScriptedTransport([.failure(failure), .status(201)])
        #expect(try await send(request(.post), through: [retryMiddleware(clock: FakeClock())], to: transport).status == 201)
    }

    @Test("500 is retried for GET only when its error_code is 50003")
    func internalErrorNeedsRetriableCode() async throws {
        let retriable = ScriptedTransport([.json(500, #"{"error_code":50003,"message":"retriable"}"#), .status(200)])
        #expect(try await send(request(.get), through: [retryMiddleware(clock: FakeClock())], to: retriable).status == 200)
        #expect(retriable.requests.count == 2)

        let other = ScriptedTransport([.json(500, #"{"error_code":50001,"message":"boom"}"#), .status(200)])
        #expect(try await send(request(.get), through: [retryMiddleware(clock: FakeClock())], to: other).status == 500)
        #expect(other.requests.count == 1)

        let post = ScriptedTransport([.json(500, #"{"error_code":50003,"message":"retriable"}"#), .status(201)])
        #expect(try await send(request(.post), through: [retryMiddleware(clock: FakeClock())], to: post).status == 500)
        #expect(post.requests.count == 1)
    }

    @Test("client errors and other failures are not retried")
    func otherOutcomesNotRetried() async throws {
        let badRequest = ScriptedTransport([.json(400, #"{"error_code":40002,"message":"bad"}"#), .status(200)])
        #expect(try await send(request(.get), through: [retryMiddleware(clock: FakeClock())], to: badRequest).status == 400)
        #expect(badRequest.requests.count == 1)

        let cancelled = ScriptedTransport([.failure(CancellationError()), .status(200)])
        await #expect(throws: CancellationError.self) {
            _ = try await send(request(.get), through: [retryMiddleware(clock: FakeClock())], to: cancelled)
        }
        #expect(cancelled.requests.count == 1)
    }

    @Test("Retry-After sets the wait instead of the jittered backoff, capped at maxBackoff")
    func retryAfterHonoured() async throws {
        let clock = FakeClock()
        let transport = ScriptedTransport([
            .status(429, headers: ["Retry-After": "3"]),
            .status(429, headers: ["Retry-After": "45"]),
            .status(200),
        ])
        let response = try await send(request(.post), through: [retryMiddleware(clock: clock, random: 0.5)], to: transport)
        #expect(response.status == 200)
        #expect(clock.sleeps == [.seconds(3), .seconds(10)])
    }

    @Test("X-RateLimit-Reset sets the wait; with Retry-After the larger wins")
    func rateLimitResetHonoured() async throws {
        let clock = FakeClock()
        let transport = ScriptedTransport([
            .status(429, headers: ["X-RateLimit-Reset": "2"]),
            .status(503, headers: ["X-RateLimit-Reset": "1.5", "Retry-After": "4"]),
            .status(200),
        ])
        let response = try await send(request(.get), through: [retryMiddleware(clock: clock, random: 0)], to: transport)
        #expect(response.status == 200)
        #expect(clock.sleeps == [.seconds(2), .seconds(4)])
    }

    @Test("an unparsable Retry-After falls back to the jittered backoff")
    func invalidRetryAfterIgnored() async throws {
        let clock = FakeClock()
        let transport = ScriptedTransport([.status(429, headers: ["Retry-After": "soon"]), .status(200)])
        _ = try await send(request(.get), through: [retryMiddleware(clock: clock, random: 1)], to: transport)
        #expect(clock.sleeps == [.milliseconds(100)])
    }

    @Test("backoff is full jitter: the random fraction of a doubling ceiling capped at maxBackoff")
    func backoffWithinFullJitterBounds() async throws {
        let policy = RetryPolicy(maxAttempts: 6, initialBackoff: .milliseconds(100), maxBackoff: .milliseconds(1000), multiplier: 2, deadline: nil)
        for (fraction, expected) in [
            (1.0, [100, 200, 400, 800, 1000]),
            (0.5, [50, 100, 200, 400, 500]),
            (0.0, [0, 0, 0, 0, 0]),
        ] {
            let clock = FakeClock()
            let transport = ScriptedTransport(Array(repeating: .status(503), count: 6))
            let response = try await send(request(.get), through: [retryMiddleware(policy, clock: clock, random: fraction)], to: transport)
            #expect(response.status == 503)
            #expect(clock.sleeps == expected.map { .milliseconds($0) }, "fraction \(fraction)")
        }
    }

    @Test("maxAttempts bounds the attempts and the last response is returned")
    func maxAttemptsReturnsLastResponse() async throws {
        let clock = FakeClock()
        let transport = ScriptedTransport([.status(503, body: "1"), .status(503, body: "2"), .status(503, body: "3"), .status(200)])
        let policy = RetryPolicy(maxAttempts: 3)
        let response = try await send(request(.get), through: [retryMiddleware(policy, clock: clock)], to: transport)
        #expect(response.status == 503)
        #expect(String(decoding: response.body, as: UTF8.self) == "3")
        #expect(transport.requests.count == 3)
        #expect(clock.sleeps.count == 2)
    }

    @Test("after the last attempt the last error is thrown")
    func maxAttemptsThrowsLastError() async throws {
        struct Numbered: Error { let number: Int }
        let transport = ScriptedTransport((1...3).map { .failure(TransportFailure(phase: .connecting, underlying: Numbered(number: $0))) })
        await #expect {
            _ = try await send(request(.get), through: [retryMiddleware(RetryPolicy(maxAttempts: 3), clock: FakeClock())], to: transport)
        } throws: { error in
            ((error as? TransportFailure)?.underlying as? Numbered)?.number == 3
        }
        #expect(transport.requests.count == 3)
    }

    @Test("the deadline stops retrying when the next wait would pass it")
    func deadlineStopsRetries() async throws {
        let clock = FakeClock()
        let policy = RetryPolicy(maxAttempts: 10, initialBackoff: .milliseconds(400), maxBackoff: .seconds(10), deadline: .seconds(1))
        let transport = ScriptedTransport(Array(repeating: .status(503), count: 10))
        let response = try await send(request(.get), through: [retryMiddleware(policy, clock: clock, random: 1)], to: transport)
        #expect(response.status == 503)
        // 0.4 s, then 0.4 + 0.8 = 1.2 s would pass the 1 s deadline.
        #expect(clock.sleeps == [.milliseconds(400)])
        #expect(transport.requests.count == 2)
    }

    @Test("time spent in requests counts against the deadline")
    func slowRequestsUseTheDeadline() async throws {
        let clock = FakeClock()
        let slow = SlowTransport(clock: clock, perRequest: .seconds(2), inner: ScriptedTransport(Array(repeating: .status(503), count: 5)))
        let policy = RetryPolicy(maxAttempts: 5, initialBackoff: .milliseconds(100), deadline: .seconds(5))
        let response = try await MiddlewareTransport(transport: slow, middlewares: [retryMiddleware(policy, clock: clock)]).send(request(.get))
        #expect(response.status == 503)
        // 2 s + 0.1 s wait + 2 s = 4.1 s; a 0.2 s wait fits (4.3 s) and the third attempt runs; then 6.3 s + 0.4 s > 5 s.
        #expect(slow.inner.requests.count == 3)
        #expect(clock.sleeps == [.milliseconds(100), .milliseconds(200)])
    }

    @Test("a body that cannot be replayed is never sent twice")
    func nonReplayableBodyNotReplayed() async throws {
        let clock = FakeClock()
        let middleware = RetryMiddleware(
            policy: .standard, logger: nil, sleep: { clock.sleep($0) }, random: { 1 }, now: { clock.now() },
            isReplayable: { _ in false }
        )
        let transport = ScriptedTransport([.status(429), .status(200)])
        let response = try await send(request(.put), through: [middleware], to: transport)
        #expect(response.status == 429)
        #expect(transport.requests.count == 1)
    }

    @Test("in-memory bytes are replayable")
    func bytesAreReplayable() {
        #expect(RequestBody.bytes(Data("x".utf8), contentType: "application/json").isReplayable)
    }

    @Test("RetryPolicy.none makes one attempt")
    func noneMakesOneAttempt() async throws {
        let transport = ScriptedTransport([.status(503), .status(200)])
        let response = try await send(request(.get), through: [retryMiddleware(.none, clock: FakeClock())], to: transport)
        #expect(response.status == 503)
        #expect(transport.requests.count == 1)
    }

    @Test("the standard policy: 5 attempts, 100 ms doubling to 10 s, 60 s deadline")
    func standardPolicyValues() {
        let standard = RetryPolicy.standard
        #expect(standard.maxAttempts == 5)
        #expect(standard.initialBackoff == .milliseconds(100))
        #expect(standard.maxBackoff == .seconds(10))
        #expect(standard.multiplier == 2)
        #expect(standard.deadline == .seconds(60))
        #expect(RetryPolicy.none.maxAttempts == 1)
    }
}

/// Advances a fake clock by a fixed time per request, then answers from `inner`.
struct SlowTransport: APITransport {
    let clock: FakeClock
    let perRequest: Duration
    let inner: ScriptedTransport

    func send(_ request: APIRequest) async throws -> APIResponse {
        clock.advance(perRequest)
        return try await inner.send(request)
    }
}
