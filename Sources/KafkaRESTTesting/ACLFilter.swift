import KafkaRESTAPI
import KafkaRESTSupport

/// An ACL search as given by query parameters; a missing field or `ANY` matches everything.
///
/// Follows Kafka's `AclBindingFilter`: the pattern type `MATCH` finds the literal binding of
/// the name, the wildcard `*` and every prefixed binding the name starts with.
struct ACLFilter {
    var resourceType: AclResourceType?
    var resourceName: String?
    var patternType: AclPatternType?
    var principal: String?
    var host: String?
    var operation: AclOperation?
    var permission: AclPermission?

    /// The filter in `query`.
    ///
    /// - Throws: ``RouteFailure`` 400 for an unknown resource type, or when one of
    ///   `requiredFields` is missing.
    init(query: [APIRequest.QueryItem], requiredFields: [String] = []) throws {
        func value(_ name: String) -> String? {
            query.first { $0.name == name }?.value
        }
        for field in requiredFields where value(field) == nil {
            throw RouteFailure.invalid("The query parameter \(field) is required.")
        }
        if let type = value("resource_type") {
            guard let parsed = AclResourceType(rawValue: type) else {
                throw RouteFailure.invalid("Unknown resource_type \(type).")
            }
            resourceType = parsed
        }
        resourceName = value("resource_name")
        patternType = value("pattern_type").map(AclPatternType.init(rawValue:))
        principal = value("principal")
        host = value("host")
        operation = value("operation").map(AclOperation.init(rawValue:))
        permission = value("permission").map(AclPermission.init(rawValue:))
    }

    func matches(_ binding: KafkaRESTTestServer.ACLBinding) -> Bool {
        matchesResource(binding)
            && (principal == nil || principal == binding.principal)
            && (host == nil || host == binding.host)
            && (operation == nil || operation == .any || operation == binding.operation)
            && (permission == nil || permission == .any || permission == binding.permission)
    }

    private func matchesResource(_ binding: KafkaRESTTestServer.ACLBinding) -> Bool {
        guard resourceType == nil || resourceType == .any || resourceType == binding.resourceType else {
            return false
        }
        switch patternType {
        case .match?:
            guard let resourceName else { return true }
            switch binding.patternType {
            case .literal: return binding.resourceName == resourceName || binding.resourceName == "*"
            case .prefixed: return resourceName.hasPrefix(binding.resourceName)
            default: return false
            }
        case nil, .any?:
            return resourceName == nil || resourceName == binding.resourceName
        case let type?:
            return type == binding.patternType && (resourceName == nil || resourceName == binding.resourceName)
        }
    }
}
