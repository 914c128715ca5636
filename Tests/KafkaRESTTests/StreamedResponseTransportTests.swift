import Foundation
@testable import KafkaREST
import KafkaRESTSupport
import Testing

@Suite("AsyncHTTPClientTransport: streamed responses")
struct StreamedResponseTransportTests {
    private static let endlessPrefix = Array(#"{"kind":"KafkaTopicList","metadata":{"self":"x"},"data":["#.utf8)
    private static let endlessRepeat = Array(#"{"a":1},"#.utf8)
    /// More than the bytes of a body left unread that the socket buffers and async-http-client's
    /// buffer hold together, before it stops reading the connection.
    private static let bufferBound = 16 * 1024 * 1024

    private func streamRequest() -> APIRequest {
        APIRequest(operationID: "listKafkaTopics", method: .get, pathTemplate: "/clusters", path: "/clusters")
    }

    private func transport(for server: HostileServer) -> AsyncHTTPClientTransport {
        AsyncHTTPClientTransport(baseURL: URL(string: "http://127.0.0.1:\(server.port)/v3")!, timeouts: Timeouts(connect: .seconds(5), request: .seconds(10)))
    }

    @Test("a streamed body left unread stops the server's writes once buffers are full, and what was held back arrives whole and in order")
    func backpressure() async throws {
        try await withHostileServer(.endlessBody) { server in
            let transport = transport(for: server)
            let response = try await transport.stream(streamRequest())
            #expect(response.status == 200)
            try await Task.sleep(for: .milliseconds(300))
            let written = server.statistics.endlessBodyBytes
            try await Task.sleep(for: .milliseconds(300))
            #expect(server.statistics.endlessBodyBytes == written, "the server could write on while nothing was read")
            #expect(written <= Self.bufferBound, "socket buffers and the client's hold this much; without backpressure it would be hundreds of MiB")
            var received = Data()
            for try await chunk in response.body {
                received.append(chunk)
                if received.count > written + Self.bufferBound { break }
            }
            var expected = Data(Self.endlessPrefix)
            while expected.count < received.count {
                expected.append(contentsOf: Self.endlessRepeat)
            }
            #expect(received == expected.prefix(received.count))
            try await transport.shutdown()
        }
    }

    @Test("dropping the body of a streamed response closes its connection")
    func droppedBodyCloses() async throws {
        try await withHostileServer(.endlessBody) { server in
            let transport = transport(for: server)
            var response: StreamedResponse? = try await transport.stream(streamRequest())
            var iterator = response?.body.makeAsyncIterator()
            #expect(try await iterator?.next()?.isEmpty == false)
            #expect(server.openConnections == 1)
            iterator = nil
            response = nil
            let deadline = ContinuousClock.now + .seconds(30)
            while server.openConnections > 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(server.openConnections == 0)
            try await transport.shutdown()
        }
    }

    @Test("cancelling the task that waits for the head or for body bytes ends it with CancellationError")
    func cancellation() async throws {
        try await withHostileServer(.neverAnswers) { server in
            let transport = transport(for: server)
            let opening = Task { try await transport.stream(streamRequest()) }
            try await Task.sleep(for: .milliseconds(200))
            opening.cancel()
            await #expect(throws: CancellationError.self) { try await opening.value }
            try await transport.shutdown()
        }
        try await withHostileServer(.headThenNothing) { server in
            let transport = transport(for: server)
            let response = try await transport.stream(streamRequest())
            let reading = Task {
                for try await _ in response.body {}
            }
            try await Task.sleep(for: .milliseconds(200))
            reading.cancel()
            await #expect(throws: CancellationError.self) { try await reading.value }
            try await transport.shutdown()
        }
    }

    @Test("a streamed request body goes out in the order written, however its writes are gathered into chunks")
    func requestBodyOrder() async throws {
        try await withStreamingServer { server, transport in
            let body = BodyStream()
            let reports = try await transport.openProduceStream(path: streamingPath(server), body: body)
            for index in 0..<2_000 {
                body.write { $0.append(contentsOf: StreamingProduceTransportTests.record("r-\(index)")) }
                if index % 100 == 0 { await Task.yield() }
            }
            body.finish()
            var received = Data()
            for try await chunk in reports { received.append(chunk) }
            #expect(String(decoding: received, as: UTF8.self).components(separatedBy: #""error_code":200"#).count == 2_001)
            #expect(server.records(topic: "events").compactMap(storedValue) == (0..<2_000).map { "r-\($0)" })
        }
    }
}
