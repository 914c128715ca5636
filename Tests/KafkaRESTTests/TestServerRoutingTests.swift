import Foundation
import KafkaREST
import KafkaRESTTesting
import Testing

@Suite("KafkaRESTTestServer: routing, clusters and authentication")
struct TestServerRoutingTests {
    @Test("listens on 127.0.0.1 with the base path in the base URL")
    func baseURL() async throws {
        try await withTestServer(basePath: "/kafka/v3") { server in
            #expect(server.port > 0)
            #expect(server.baseURL.absoluteString == "http://127.0.0.1:\(server.port)/kafka/v3")
            try await withTransport(baseURL: server.baseURL) { transport in
                let response = try await RawClient(transport: transport, clusterID: server.clusterID).send(.get, "/clusters/{c}")
                #expect(response.status == 200)
            }
        }
    }

    @Test("GET /clusters and /clusters/{cluster_id} describe the one cluster with absolute links")
    func clusters() async throws {
        try await withServerAndClient { server, client in
            let base = server.baseURL.absoluteString
            let list = try JSONDecoder().decode(ClusterDataList.self, from: try await client.send(.get, "/clusters").body)
            #expect(list.kind == "KafkaClusterList")
            #expect(list.metadata.selfValue == "\(base)/clusters")
            #expect(list.metadata.next == .null)
            #expect(list.data.map(\.clusterID) == ["test-cluster"])

            let cluster = try JSONDecoder().decode(ClusterData.self, from: try await client.send(.get, "/clusters/{c}").body)
            #expect(cluster.kind == "KafkaCluster")
            #expect(cluster.metadata.selfValue == "\(base)/clusters/test-cluster")
            #expect(cluster.topics.related == "\(base)/clusters/test-cluster/topics")
            #expect(cluster.acls.related == "\(base)/clusters/test-cluster/acls")

            let other = try await client.send(.get, "/clusters/other-cluster/topics")
            #expect(other.status == 404)
            #expect(other.errorCode == 404)
        }
    }

    @Test("an unknown path is 404 with a JSON error, also outside the base path")
    func unknownPath() async throws {
        try await withServerAndClient { server, client in
            let response = try await client.send(.get, "/clusters/{c}/nothing-here")
            #expect(response.status == 404)
            #expect(response.headers["Content-Type"] == "application/json")
            #expect(response.errorCode == 404)

            try await withTransport(baseURL: URL(string: "http://127.0.0.1:\(server.port)")!) { transport in
                let outside = try await RawClient(transport: transport, clusterID: server.clusterID).send(.get, "/clusters")
                #expect(outside.status == 404)
            }
        }
    }

    @Test("a known path with another method is 405 with Allow")
    func wrongMethod() async throws {
        try await withServerAndClient { _, client in
            let response = try await client.send(.put, "/clusters/{c}/topics", json: "{}")
            #expect(response.status == 405)
            #expect(response.errorCode == 405)
            #expect(response.headers["Allow"] == "GET, POST")
            #expect(response.text.contains("Method Not Allowed"))
        }
    }

    @Test("with credentials, a request without or with wrong Basic auth is 401 40101")
    func authentication() async throws {
        try await withServerAndClient(credentials: (key: "KEY", secret: "s3cret")) { server, client in
            let missing = try await client.send(.get, "/clusters")
            #expect(missing.status == 401)
            #expect(missing.errorCode == 40101)
            #expect(missing.headers["WWW-Authenticate"]?.hasPrefix("Basic") == true)

            let wrong = try await client.send(.get, "/clusters", headers: ["Authorization": "Basic " + Data("KEY:nope".utf8).base64EncodedString()])
            #expect(wrong.status == 401)

            let bearer = try await client.send(.get, "/clusters", headers: ["Authorization": "Bearer KEY:s3cret"])
            #expect(bearer.status == 401)

            let right = try await client.send(.get, "/clusters", headers: ["Authorization": "Basic " + Data("KEY:s3cret".utf8).base64EncodedString()])
            #expect(right.status == 200)
            #expect(server.requests.count == 4)
        }
    }

    @Test("requests are recorded with method, path, query, headers, body and operation")
    func recording() async throws {
        try await withServerAndClient { server, client in
            _ = try await client.send(.get, "/clusters/{c}/acls", query: [("principal", "User:a b"), ("host", "*")])
            _ = try await client.send(.get, "/unknown")
            let requests = server.requests
            #expect(requests.count == 2)
            #expect(requests[0].operationID == "getKafkaAcls")
            #expect(requests[0].method == "GET")
            #expect(requests[0].path == "/v3/clusters/test-cluster/acls")
            #expect(requests[0].query.map(\.name) == ["principal", "host"])
            #expect(requests[0].queryValue("principal") == "User:a b")
            #expect(requests[0].body.isEmpty)
            #expect(requests[1].operationID == nil)
            server.clearRequests()
            #expect(server.requests.isEmpty)
        }
    }

    @Test("stop closes the listener and open keep-alive connections, and may be called again")
    func stopClosesConnections() async throws {
        try await withTestServer { server in
            try await withTransport(baseURL: server.baseURL) { transport in
                let request = APIRequest(operationID: "x", method: .get, pathTemplate: "/clusters", path: "/clusters")
                #expect(try await transport.send(request).status == 200)
                try await server.stop()
                let failure = await #expect(throws: TransportFailure.self) {
                    try await transport.send(request)
                }
                #expect(failure != nil)
            }
        }
    }
}
