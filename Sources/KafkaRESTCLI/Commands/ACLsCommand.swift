import ArgumentParser
import Foundation
import KafkaREST

/// `kafka-rest acls`: list, create and delete ACL bindings.
struct ACLsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acls",
        abstract: "List, create and delete ACLs.",
        subcommands: [List.self, Create.self, Delete.self]
    )

    /// `acls list [filters]`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the ACLs matching the filters (all without filters).")

        @OptionGroup var filter: ACLOptions
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let resourceType = try filter.parsedResourceType()
            let patternType = filter.parsedPatternType()
            let operation = filter.parsedOperation()
            let permission = filter.parsedPermission()
            try await Session.run(options) { session, cluster in
                let filter = filter
                try await session.showAll {
                    try await $0.acl.getKafkaAcls(
                        clusterID: cluster,
                        resourceType: resourceType,
                        resourceName: filter.resourceName,
                        patternType: patternType,
                        principal: filter.principal,
                        host: filter.host,
                        operation: operation,
                        permission: permission
                    )
                }
            }
        }
    }

    /// `acls create …`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an ACL.",
            discussion: """
                Needs --resource-type, --resource-name, --principal and --operation; \
                --pattern-type defaults to LITERAL, --host to * and --permission to ALLOW.
                Example: kafka-rest acls create --resource-type TOPIC --resource-name orders \
                --principal User:sa-123 --operation READ
                """
        )

        @OptionGroup var acl: ACLOptions
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let request = CreateAclRequestData(
                resourceType: try acl.require(acl.parsedResourceType(), "--resource-type"),
                resourceName: try acl.require(acl.resourceName, "--resource-name"),
                patternType: acl.parsedPatternType() ?? .literal,
                principal: try acl.require(acl.principal, "--principal"),
                host: acl.host ?? "*",
                operation: try acl.require(acl.parsedOperation(), "--operation"),
                permission: acl.parsedPermission() ?? .allow
            )
            try await Session.run(options) { session, cluster in
                try await session.kafka.acl.createKafkaAcls(clusterID: cluster, body: request)
                session.printer.done(
                    "Created ACL: \(request.permission) \(request.principal) \(request.operation) on \(request.resourceType.rawValue) \(request.resourceName) (\(request.patternType))."
                )
            }
        }
    }

    /// `acls delete …`.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete the ACLs matching a filter and show them.",
            discussion: """
                Needs --resource-type, --pattern-type, --operation and --permission (ANY matches \
                every value); --resource-name, --principal and --host narrow the match.
                """
        )

        @OptionGroup var filter: ACLOptions
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let resourceType = try filter.require(filter.parsedResourceType(), "--resource-type")
            let patternType = try filter.require(filter.parsedPatternType(), "--pattern-type")
            let operation = try filter.require(filter.parsedOperation(), "--operation")
            let permission = try filter.require(filter.parsedPermission(), "--permission")
            try await Session.run(options) { session, cluster in
                let deleted = try await session.kafka.acl.deleteKafkaAcls(
                    clusterID: cluster,
                    resourceType: resourceType,
                    resourceName: filter.resourceName,
                    patternType: patternType,
                    principal: filter.principal,
                    host: filter.host,
                    operation: operation,
                    permission: permission
                )
                try session.printer.show(deleted.data)
            }
        }
    }
}

/// The fields of an ACL binding, all optional, as filter or new binding.
struct ACLOptions: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp("TOPIC, GROUP, CLUSTER, TRANSACTIONAL_ID, DELEGATION_TOKEN or ANY.", valueName: "type"))
    var resourceType: String?
    @Option(help: ArgumentHelp("The resource name or prefix.", valueName: "name"))
    var resourceName: String?
    @Option(help: ArgumentHelp("LITERAL, PREFIXED, MATCH or ANY.", valueName: "type"))
    var patternType: String?
    @Option(help: ArgumentHelp("The principal, such as User:sa-123.", valueName: "principal"))
    var principal: String?
    @Option(help: ArgumentHelp("The client host, * for any.", valueName: "host"))
    var host: String?
    @Option(help: ArgumentHelp("READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, ALL, ANY, …", valueName: "operation"))
    var operation: String?
    @Option(help: ArgumentHelp("ALLOW, DENY or ANY.", valueName: "permission"))
    var permission: String?

    /// The resource type, upper-cased; a name Kafka does not know is a usage error.
    func parsedResourceType() throws -> AclResourceType? {
        guard let resourceType else { return nil }
        guard let value = AclResourceType(rawValue: resourceType.uppercased()) else {
            let known = AclResourceType.allCases.map(\.rawValue).joined(separator: ", ")
            throw CLIError.usage("--resource-type '\(resourceType)' is not one of \(known)")
        }
        return value
    }

    /// The pattern type, upper-cased.
    func parsedPatternType() -> AclPatternType? {
        patternType.map { AclPatternType(rawValue: $0.uppercased()) }
    }

    /// The operation, upper-cased, with `-` written as `_` (`describe-configs`).
    func parsedOperation() -> AclOperation? {
        operation.map { AclOperation(rawValue: $0.uppercased().replacingOccurrences(of: "-", with: "_")) }
    }

    /// The permission, upper-cased.
    func parsedPermission() -> AclPermission? {
        permission.map { AclPermission(rawValue: $0.uppercased()) }
    }

    /// `value`, or a usage error saying `option` is needed.
    func require<Value>(_ value: Value?, _ option: String) throws -> Value {
        guard let value else {
            throw CLIError.usage("\(option) is required here")
        }
        return value
    }
}
