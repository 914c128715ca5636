import Foundation
import KafkaREST
import KafkaRESTTesting
import Testing

@Suite("KafkaRESTTestServer: ACLs")
struct TestServerACLTests {
    static func binding(_ name: String, _ pattern: AclPatternType = .literal, principal: String = "User:alice", operation: AclOperation = .read) -> String {
        #"{"resource_type":"TOPIC","resource_name":"\#(name)","pattern_type":"\#(pattern.rawValue)","principal":"\#(principal)","host":"*","operation":"\#(operation.rawValue)","permission":"ALLOW"}"#
    }

    @Test("create answers 201 with no body and stores the binding once")
    func create() async throws {
        try await withServerAndClient { server, client in
            let created = try await client.send(.post, "/clusters/{c}/acls", json: Self.binding("orders"))
            #expect(created.status == 201)
            #expect(created.body.isEmpty)
            _ = try await client.send(.post, "/clusters/{c}/acls", json: Self.binding("orders"))
            #expect(server.acls == [KafkaRESTTestServer.ACLBinding(
                resourceType: .topic, resourceName: "orders", patternType: .literal,
                principal: "User:alice", host: "*", operation: .read, permission: .allow
            )])

            let any = try await client.send(.post, "/clusters/{c}/acls", json: Self.binding("x", .any))
            #expect(any.status == 400)
            #expect(any.errorCode == 40002)

            let batch = try await client.send(.post, "/clusters/{c}/acls:batch", json: #"{"data":[\#(Self.binding("a")),\#(Self.binding("b"))]}"#)
            #expect(batch.status == 201)
            #expect(server.acls.map(\.resourceName) == ["orders", "a", "b"])
        }
    }

    @Test("list filters by query parameters; MATCH finds literal, wildcard and prefixed bindings")
    func list() async throws {
        try await withServerAndClient { server, client in
            for json in [
                Self.binding("orders"),
                Self.binding("ord", .prefixed),
                Self.binding("*"),
                Self.binding("payments", principal: "User:bob", operation: .write),
            ] {
                #expect(try await client.send(.post, "/clusters/{c}/acls", json: json).status == 201)
            }
            func names(_ query: [(String, String)]) async throws -> [String] {
                let response = try await client.send(.get, "/clusters/{c}/acls", query: query)
                #expect(response.status == 200)
                return try JSONDecoder().decode(AclDataList.self, from: response.body).data.map(\.resourceName)
            }
            #expect(try await names([]) == ["orders", "ord", "*", "payments"])
            #expect(try await names([("principal", "User:bob")]) == ["payments"])
            #expect(try await names([("operation", "READ"), ("pattern_type", "LITERAL")]) == ["orders", "*"])
            #expect(try await names([("resource_name", "orders"), ("pattern_type", "MATCH")]) == ["orders", "ord", "*"])
            #expect(try await names([("resource_type", "ANY"), ("permission", "ANY")]).count == 4)
            #expect(try await client.send(.get, "/clusters/{c}/acls", query: [("resource_type", "TABLE")]).status == 400)

            let list = try JSONDecoder().decode(
                AclDataList.self,
                from: try await client.send(.get, "/clusters/{c}/acls", query: [("principal", "User:bob")]).body
            )
            #expect(list.kind == "KafkaAclList")
            #expect(list.metadata.selfValue == "\(server.baseURL.absoluteString)/clusters/test-cluster/acls?principal=User%3Abob")
            #expect(list.data.first?.kind == "KafkaAcl")
            #expect(list.data.first?.metadata.selfValue.contains("resource_name=payments") == true)
        }
    }

    @Test("delete needs type, pattern type, operation and permission and answers with what it deleted")
    func delete() async throws {
        try await withServerAndClient { server, client in
            _ = try await client.send(.post, "/clusters/{c}/acls", json: Self.binding("orders"))
            _ = try await client.send(.post, "/clusters/{c}/acls", json: Self.binding("payments"))
            let missing = try await client.send(.delete, "/clusters/{c}/acls", query: [("resource_type", "TOPIC")])
            #expect(missing.status == 400)

            let response = try await client.send(.delete, "/clusters/{c}/acls", query: [
                ("resource_type", "TOPIC"), ("resource_name", "orders"), ("pattern_type", "LITERAL"),
                ("operation", "ANY"), ("permission", "ANY"),
            ])
            #expect(response.status == 200)
            let deleted = try JSONDecoder().decode(DeleteAclsResponse.self, from: response.body)
            #expect(deleted.data.map(\.resourceName) == ["orders"])
            #expect(server.acls.map(\.resourceName) == ["payments"])
        }
    }
}
