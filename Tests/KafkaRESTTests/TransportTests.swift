import AsyncHTTPClient
import Foundation
import KafkaREST
import KafkaRESTTesting
import Testing

@Suite("AsyncHTTPClientTransport")
struct TransportTests {
    @Test("sends method, path, query, headers and body; returns status, headers and body")
    func roundTrip() async throws {
        try await withServerAndClient { server, client in
            let response = try await client.send(
                .post,
                "/clusters/{c}/topics",
                query: [("validate_only", "a b&c")],
                json: #"{"topic_name":"orders","partitions_count":3}"#,
                headers: ["X-Trace": "t-1", "Accept": "application/json"]
            )
            #expect(response.status == 201)
            #expect(response.headers["Content-Type"] == "application/json")
            #expect(response.headers["Content-Length"] == String(response.body.count))
            let topic = try JSONDecoder().decode(TopicData.self, from: response.body)
            #expect(topic.topicName == "orders")
            #expect(topic.partitionsCount == 3)

            let recorded = try #require(server.requests.last)
            #expect(recorded.method == "POST")
            #expect(recorded.path == "/v3/clusters/test-cluster/topics")
            #expect(recorded.queryValue("validate_only") == "a b&c")
            #expect(recorded.headers["X-Trace"] == "t-1")
            #expect(recorded.headers["Accept"] == "application/json")
            #expect(recorded.headers["Content-Type"] == "application/json")
            #expect(String(decoding: recorded.body, as: UTF8.self) == #"{"topic_name":"orders","partitions_count":3}"#)
        }
    }

    @Test("a streamed body goes out as written, and the whole response comes back")
    func streamedBodyThroughSend() async throws {
        try await withServerAndClient { server, _ in
            try await withTransport(baseURL: server.baseURL) { transport in
                let body = BodyStream()
                let path = "/clusters/\(server.clusterID)/topics"
                var request = APIRequest(operationID: "createKafkaTopic", method: .post, pathTemplate: path, path: path)
                request.body = .stream(body, contentType: "application/json")
                let writer = Task {
                    body.write { $0.append(contentsOf: Array(#"{"topic_name":"#.utf8)) }
                    try await Task.sleep(for: .milliseconds(50))
                    body.write { $0.append(contentsOf: Array(#""orders","partitions_count":2}"#.utf8)) }
                    body.finish()
                }
                let response = try await transport.send(request)
                try await writer.value
                #expect(response.status == 201)
                let topic = try JSONDecoder().decode(TopicData.self, from: response.body)
                #expect(topic.topicName == "orders")
                #expect(topic.partitionsCount == 2)
                let recorded = try #require(server.requests.last)
                #expect(recorded.headers["Transfer-Encoding"]?.lowercased() == "chunked")
                #expect(String(decoding: recorded.body, as: UTF8.self) == #"{"topic_name":"orders","partitions_count":2}"#)
            }
        }
    }

    @Test("a header value with a line break is refused before sending, and the error does not show it")
    func headerWithLineBreak() async throws {
        try await withServerAndClient { server, client in
            let before = server.requests.count
            let error = await #expect(throws: KafkaRESTError.self) {
                try await client.send(.get, "/clusters", headers: ["Authorization": "Bearer tok-SECRET\r\nX-Injected: 1"])
            }
            #expect(error?.kind == .invalidRequest)
            #expect(error.map { "\($0)" }?.contains("tok-SECRET") == false)
            #expect(server.requests.count == before, "nothing was sent")
        }
    }

    @Test("Content-Type comes from the body and replaces one given in the headers")
    func contentTypeFromBody() async throws {
        try await withServerAndClient { server, client in
            _ = try await client.send(
                .post,
                "/clusters/{c}/topics/t/records",
                json: "{}",
                contentType: "application/vnd.test+json",
                headers: ["Content-Type": "text/plain"]
            )
            let recorded = try #require(server.requests.last)
            #expect(recorded.headers.values(for: "Content-Type") == ["application/vnd.test+json"])
        }
    }

    @Test("keep-alive: consecutive requests share a connection")
    func keepAlive() async throws {
        try await withServerAndClient { server, client async throws in
            for _ in 0..<3 {
                #expect(try await client.send(.get, "/clusters").status == 200)
            }
            #expect(server.requests.count == 3)
            #expect(server.requests.allSatisfy { $0.headers["Connection"]?.lowercased() != "close" })
        }
    }

    @Test("a refused connection is a failure while connecting, reported at once")
    func connectionRefused() async throws {
        // A port bound but not listening refuses connections, and stays ours while the test
        // runs (a port a stopped server freed could be taken by another test's server).
        let reserved = try ReservedPort()
        defer { reserved.release() }
        let closedURL = URL(string: "http://127.0.0.1:\(reserved.port)/v3")!
        try await withTransport(baseURL: closedURL, timeouts: Timeouts(connect: .seconds(30), request: .seconds(40))) { transport in
            let started = ContinuousClock.now
            let failure = await #expect(throws: TransportFailure.self) {
                try await transport.send(APIRequest(operationID: "x", method: .post, pathTemplate: "/clusters", path: "/clusters"))
            }
            #expect(failure?.phase == .connecting)
            // A refusal, not a connect timeout: the client gave up at the first refusal
            // instead of trying again until the timeout. (Time alone is no proof on a loaded
            // machine, where the shared event loops may be busy with other tests.)
            let description = String(describing: failure?.underlying)
            #expect(!description.localizedCaseInsensitiveContains("timeout"), "\(description)")
            #expect(ContinuousClock.now - started < .seconds(30))
        }
    }

    @Test("a connection closed after the request was read is not a connect failure")
    func closedAfterRequest() async throws {
        try await withServerAndClient { server, client in
            server.inject(.closeConnection)
            let failure = await #expect(throws: TransportFailure.self) {
                try await client.send(.post, "/clusters/{c}/topics", json: #"{"topic_name":"a"}"#)
            }
            #expect(failure != nil)
            #expect(failure?.phase != .connecting)
            #expect(server.requests.count == 1)
        }
    }

    @Test("a server that does not answer in time is a failure awaiting the response")
    func requestTimeout() async throws {
        try await withTestServer { server in
            // Far longer than the timeout, so that a deadline that fires late on a busy machine
            // still fires before the answer.
            server.inject(.delay(.seconds(30)))
            try await withTransport(baseURL: server.baseURL, timeouts: Timeouts(connect: .seconds(5), request: .milliseconds(200))) { transport in
                let failure = await #expect(throws: TransportFailure.self) {
                    try await transport.send(APIRequest(operationID: "x", method: .get, pathTemplate: "/clusters", path: "/clusters"))
                }
                #expect(failure?.phase == .awaitingResponse)
            }
        }
    }

    @Test("redirects are returned, not followed")
    func redirectsNotFollowed() async throws {
        try await withServerAndClient { server, client in
            server.inject(.redirect(location: server.baseURL.absoluteString + "/clusters"))
            let response = try await client.send(.get, "/clusters/{c}", headers: ["Authorization": "Basic c2VjcmV0"])
            #expect(response.status == 307)
            #expect(response.headers["Location"] == server.baseURL.absoluteString + "/clusters")
            #expect(server.requests.count == 1)
        }
    }

    @Test("a body over the limit fails with a transport error that says so; one at the limit is read")
    func oversizeBody() async throws {
        try await withTestServer { server in
            try await withTransport(baseURL: server.baseURL, maximumResponseBodySize: 2048) { transport in
                let request = APIRequest(operationID: "getKafkaCluster", method: .get, pathTemplate: "/clusters", path: "/clusters")
                server.inject(.status(500, errorCode: nil, message: String(repeating: "x", count: 4096)))
                let error = await #expect(throws: KafkaRESTError.self) {
                    try await transport.send(request)
                }
                #expect(error?.kind == .transport)
                #expect(error?.status == 500)
                #expect(error?.operationID == "getKafkaCluster")
                #expect(error?.message.contains("larger than the limit of 2048 bytes") == true)

                let small = try await transport.send(request)
                #expect(small.status == 200)
                #expect(small.body.count <= 2048)
            }
        }
    }

    @Test("a given HTTP client is not shut down with the transport; an owned one is")
    func shutdownOwnership() async throws {
        try await withTestServer { server in
            let shared = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
            let request = APIRequest(operationID: "x", method: .get, pathTemplate: "/clusters", path: "/clusters")
            do {
                let borrowing = AsyncHTTPClientTransport(baseURL: server.baseURL, timeouts: Timeouts(), httpClient: shared)
                #expect(try await borrowing.send(request).status == 200)
                try await borrowing.shutdown()
                let again = AsyncHTTPClientTransport(baseURL: server.baseURL, timeouts: Timeouts(), httpClient: shared)
                #expect(try await again.send(request).status == 200)
                try await shared.shutdown()
            } catch {
                try? await shared.shutdown()
                throw error
            }

            let owning = AsyncHTTPClientTransport(baseURL: server.baseURL, timeouts: Timeouts())
            try await owning.shutdown()
            let error = await #expect(throws: KafkaRESTError.self) {
                try await owning.send(request)
            }
            #expect(error?.kind == .invalidRequest)
        }
    }

    @Test("cancelling the task ends the request with CancellationError")
    func cancellation() async throws {
        try await withTestServer { server in
            server.inject(.delay(.seconds(5)))
            try await withTransport(baseURL: server.baseURL) { transport in
                let task = Task {
                    try await transport.send(APIRequest(operationID: "x", method: .get, pathTemplate: "/clusters", path: "/clusters"))
                }
                try await Task.sleep(for: .milliseconds(200))
                task.cancel()
                await #expect(throws: CancellationError.self) {
                    try await task.value
                }
            }
        }
    }
}

/// A loopback TCP port bound without listening: connecting to it is refused.
private struct ReservedPort {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else {
            close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        port = UInt16(bigEndian: address.sin_port)
    }

    func release() {
        close(descriptor)
    }
}
