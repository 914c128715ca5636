import KafkaRESTAPI
import KafkaRESTSupport

/// Listing, creating and deleting ACL bindings.
enum ACLRoutes {
    static let all: [Route] = [
        Route("GET", "/clusters/{cluster_id}/acls", "getKafkaAcls", list),
        Route("POST", "/clusters/{cluster_id}/acls", "createKafkaAcls", create),
        Route("POST", "/clusters/{cluster_id}/acls:batch", "batchCreateKafkaAcls", batchCreate),
        Route("DELETE", "/clusters/{cluster_id}/acls", "deleteKafkaAcls", delete),
    ]

    static func list(_ request: RouteRequest, _ cluster: inout ClusterState) throws -> ServerResponse {
        let filter = try ACLFilter(query: request.query)
        return .json(AclDataList(
            kind: "KafkaAclList",
            metadata: ResourceCollectionMetadata(selfValue: request.links.acls(request.query), next: .null),
            data: cluster.acls.filter(filter.matches).map { aclData($0, request.links) }
        ))
    }

    static func create(_ request: RouteRequest, _ cluster: inout ClusterState) throws -> ServerResponse {
        let binding = try validated(request.decodeBody(CreateAclRequestData.self))
        cluster.addACL(binding)
        return .empty(status: 201)
    }

    static func batchCreate(_ request: RouteRequest, _ cluster: inout ClusterState) throws -> ServerResponse {
        let bindings = try request.decodeBody(CreateAclRequestDataList.self).data.map(validated)
        for binding in bindings {
            cluster.addACL(binding)
        }
        return .empty(status: 201)
    }

    /// Deletes the bindings that match the filter, whose type, pattern type, operation and
    /// permission are required, and answers with them.
    static func delete(_ request: RouteRequest, _ cluster: inout ClusterState) throws -> ServerResponse {
        let filter = try ACLFilter(
            query: request.query,
            requiredFields: ["resource_type", "pattern_type", "operation", "permission"]
        )
        let deleted = cluster.acls.filter(filter.matches)
        cluster.acls.removeAll(where: filter.matches)
        return .json(DeleteAclsResponse(data: deleted.map { aclData($0, request.links) }))
    }

    /// The binding `data` describes.
    ///
    /// - Throws: ``RouteFailure`` 400 for a filter-only value such as `ANY` or `MATCH`.
    private static func validated(_ data: CreateAclRequestData) throws -> KafkaRESTTestServer.ACLBinding {
        guard ![.any, .unknown].contains(data.resourceType) else {
            throw RouteFailure.invalid("resource_type \(data.resourceType.rawValue) cannot be used in an ACL binding.")
        }
        guard [.literal, .prefixed].contains(data.patternType) else {
            throw RouteFailure.invalid("pattern_type must be LITERAL or PREFIXED, not \(data.patternType.rawValue).")
        }
        guard ![.any, .unknown].contains(data.operation) else {
            throw RouteFailure.invalid("operation \(data.operation.rawValue) cannot be used in an ACL binding.")
        }
        guard [.allow, .deny].contains(data.permission) else {
            throw RouteFailure.invalid("permission must be ALLOW or DENY, not \(data.permission.rawValue).")
        }
        return KafkaRESTTestServer.ACLBinding(
            resourceType: data.resourceType,
            resourceName: data.resourceName,
            patternType: data.patternType,
            principal: data.principal,
            host: data.host,
            operation: data.operation,
            permission: data.permission
        )
    }

    static func aclData(_ binding: KafkaRESTTestServer.ACLBinding, _ links: ResourceLinks) -> AclData {
        let query: [APIRequest.QueryItem] = [
            .init(name: "resource_type", value: binding.resourceType.rawValue),
            .init(name: "resource_name", value: binding.resourceName),
            .init(name: "pattern_type", value: binding.patternType.rawValue),
            .init(name: "principal", value: binding.principal),
            .init(name: "host", value: binding.host),
            .init(name: "operation", value: binding.operation.rawValue),
            .init(name: "permission", value: binding.permission.rawValue),
        ]
        return AclData(
            kind: "KafkaAcl",
            metadata: ResourceMetadata(selfValue: links.acls(query)),
            clusterID: links.clusterID,
            resourceType: binding.resourceType,
            resourceName: binding.resourceName,
            patternType: binding.patternType,
            principal: binding.principal,
            host: binding.host,
            operation: binding.operation,
            permission: binding.permission
        )
    }
}
