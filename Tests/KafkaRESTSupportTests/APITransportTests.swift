import Foundation
import KafkaRESTSupport
import Testing

/// A transport that answers every request with a fixed response and records what it was sent.
private actor StubTransport: APITransport {
    let response: APIResponse
    private(set) var sent: [String] = []

    init(response: APIResponse) {
        self.response = response
    }

    func send(_ request: APIRequest) async throws -> APIResponse {
        sent.append("\(request.method.rawValue) \(request.url(relativeTo: URL(fileURLWithPath: "/v3")).path)")
        return response
    }
}

@Suite struct APITransportTests {
    @Test func endpointStyleCallDecodesThroughAnyTransport() async throws {
        let transport: any APITransport = StubTransport(
            response: APIResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(#"{"cluster_id":"lkc-1"}"#.utf8))
        )
        let request = APIRequest(operationID: "getKafkaCluster", method: .get, pathTemplate: "/clusters/{cluster_id}", path: "/clusters/lkc-1")
        let response = try await transport.send(request)
        let body = try response.decode([String: String].self, operationID: request.operationID)
        #expect(body == ["cluster_id": "lkc-1"])
        #expect(await (transport as? StubTransport)?.sent == ["GET /v3/clusters/lkc-1"])
    }
}
