import Foundation
import KafkaREST
import KafkaRESTTesting
import Testing

@Suite("KafkaRESTTestServer: injected faults")
struct TestServerFaultTests {
    @Test("status answers with a JSON error (code defaulting to the status), then the server behaves normally")
    func status() async throws {
        try await withServerAndClient { server, client async throws in
            server.inject(.status(503, errorCode: 50301, message: "busy"))
            server.inject(.status(500, errorCode: nil, message: "boom"))
            let faulted = try await client.send(.get, "/clusters")
            #expect(faulted.status == 503)
            #expect(faulted.errorCode == 50301)
            #expect(try faulted.json()["message"] == .string("busy"))
            let second = try await client.send(.get, "/clusters")
            #expect(second.status == 500)
            #expect(second.errorCode == 500)
            #expect(try await client.send(.get, "/clusters").status == 200)
        }
    }

    @Test("rateLimitedHTML answers 429 with an HTML page; retryAfter adds Retry-After")
    func rateLimited() async throws {
        try await withServerAndClient { server, client async throws in
            server.inject(.rateLimitedHTML)
            let page = try await client.send(.get, "/clusters")
            #expect(page.status == 429)
            #expect(page.headers["Content-Type"] == "text/html")
            #expect(page.text.contains("<html>"))
            #expect(page.headers["Retry-After"] == nil)
            #expect((try? page.json()) == nil)

            server.inject(.retryAfter(seconds: 7))
            let later = try await client.send(.get, "/clusters")
            #expect(later.status == 429)
            #expect(later.headers["Retry-After"] == "7")
        }
    }

    @Test("times counts matching requests; matching selects by operation name or path template")
    func timesAndMatching() async throws {
        try await withServerAndClient { server, client async throws in
            server.createTopic("t")
            server.inject(.status(503, errorCode: nil, message: "x"), times: 2, matching: "getKafkaTopic")
            server.inject(.status(502, errorCode: nil, message: "y"), matching: "/acls")
            #expect(try await client.send(.get, "/clusters").status == 200)
            #expect(try await client.send(.get, "/clusters/{c}/topics/t").status == 503)
            #expect(try await client.send(.get, "/clusters/{c}/topics").status == 200)
            #expect(try await client.send(.get, "/clusters/{c}/topics/t").status == 503)
            #expect(try await client.send(.get, "/clusters/{c}/topics/t").status == 200)
            #expect(try await client.send(.get, "/clusters/{c}/acls").status == 502)
            #expect(try await client.send(.get, "/clusters/{c}/acls").status == 200)
        }
    }

    @Test("faults come before authentication")
    func beforeAuthentication() async throws {
        try await withServerAndClient(credentials: (key: "k", secret: "s")) { server, client async throws in
            server.inject(.rateLimitedHTML)
            #expect(try await client.send(.get, "/clusters").status == 429)
            #expect(try await client.send(.get, "/clusters").status == 401)
        }
    }

    @Test("delay answers normally after the delay")
    func delay() async throws {
        try await withServerAndClient { server, client async throws in
            server.inject(.delay(.milliseconds(300)))
            let started = ContinuousClock.now
            let response = try await client.send(.post, "/clusters/{c}/topics", json: #"{"topic_name":"slow"}"#)
            #expect(ContinuousClock.now - started >= .milliseconds(300))
            #expect(response.status == 201)
            #expect(server.topic(named: "slow") != nil)
        }
    }

    @Test("closeConnection reads the request, records it and closes; the next request is served")
    func closeConnection() async throws {
        try await withServerAndClient { server, client async throws in
            server.inject(.closeConnection)
            await #expect(throws: TransportFailure.self) {
                try await client.send(.post, "/clusters/{c}/topics", json: #"{"topic_name":"a"}"#)
            }
            #expect(server.requests.count == 1)
            #expect(server.requests.first.map { String(decoding: $0.body, as: UTF8.self) } == #"{"topic_name":"a"}"#)
            #expect(server.topic(named: "a") == nil)
            #expect(try await client.send(.get, "/clusters").status == 200)
        }
    }
}
