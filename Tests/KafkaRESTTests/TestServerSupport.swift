import Foundation
import KafkaREST
import KafkaRESTTesting
import Testing

/// Starts a test server on 127.0.0.1, runs `body` with it, and stops the server whether
/// `body` returns or throws.
func withTestServer<T>(
    basePath: String = "/v3",
    credentials: (key: String, secret: String)? = nil,
    _ body: (KafkaRESTTestServer) async throws -> T
) async throws -> T {
    let server = try await KafkaRESTTestServer.start(basePath: basePath, credentials: credentials)
    do {
        let result = try await body(server)
        try await server.stop()
        return result
    } catch {
        try? await server.stop()
        throw error
    }
}

/// Runs `body` with a transport that owns its HTTP client, and shuts the transport down
/// whether `body` returns or throws.
func withTransport<T>(
    baseURL: URL,
    timeouts: Timeouts = Timeouts(connect: .seconds(5), request: .seconds(10)),
    maximumResponseBodySize: Int = AsyncHTTPClientTransport.defaultMaximumResponseBodySize,
    _ body: (AsyncHTTPClientTransport) async throws -> T
) async throws -> T {
    let transport = AsyncHTTPClientTransport(
        baseURL: baseURL,
        timeouts: timeouts,
        maximumResponseBodySize: maximumResponseBodySize
    )
    do {
        let result = try await body(transport)
        try await transport.shutdown()
        return result
    } catch {
        try? await transport.shutdown()
        throw error
    }
}

/// Runs `body` with a test server and a ``RawClient`` for it; both are cleaned up afterwards.
func withServerAndClient<T>(
    credentials: (key: String, secret: String)? = nil,
    _ body: (KafkaRESTTestServer, RawClient) async throws -> T
) async throws -> T {
    try await withTestServer(credentials: credentials) { server in
        try await withTransport(baseURL: server.baseURL) { transport in
            try await body(server, RawClient(transport: transport, clusterID: server.clusterID))
        }
    }
}

/// Sends hand-made requests, so tests can check status codes and bodies exactly.
struct RawClient {
    let transport: AsyncHTTPClientTransport
    let clusterID: String

    /// `path` relative to the base URL; `{c}` stands for the cluster id.
    func send(
        _ method: APIMethod,
        _ path: String,
        query: [(String, String)] = [],
        json: String? = nil,
        contentType: String = "application/json",
        headers: APIHeaders = [:]
    ) async throws -> APIResponse {
        let resolved = path.replacingOccurrences(of: "{c}", with: clusterID)
        var request = APIRequest(operationID: "raw", method: method, pathTemplate: resolved, path: resolved)
        request.query = query.map { APIRequest.QueryItem(name: $0.0, value: $0.1) }
        request.headers = headers
        if let json {
            request.body = .bytes(Data(json.utf8), contentType: contentType)
        }
        return try await transport.send(request)
    }
}

extension APIResponse {
    /// The body parsed as JSON.
    func json() throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: body)
    }

    /// The body as UTF-8 text.
    var text: String {
        String(decoding: body, as: UTF8.self)
    }

    /// The Kafka REST `error_code` of a JSON error body.
    var errorCode: Int64? {
        (try? json())?["error_code"]?.int64Value
    }
}
