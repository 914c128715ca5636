import Foundation
import KafkaRESTAPI

extension KafkaRESTTestServer {
    /// A topic held by the test server.
    public struct Topic: Sendable, Hashable {
        /// The topic name.
        public var name: String
        /// The number of partitions.
        public var partitionsCount: Int
        /// The replication factor reported for every partition.
        public var replicationFactor: Int
        /// The configs set on the topic (not the defaults), by name.
        public var configs: [String: String]

        /// Creates a description of a topic, for comparisons in tests.
        public init(name: String, partitionsCount: Int, replicationFactor: Int, configs: [String: String]) {
            self.name = name
            self.partitionsCount = partitionsCount
            self.replicationFactor = replicationFactor
            self.configs = configs
        }
    }

    /// A record the test server stored in a partition.
    public struct ProducedRecord: Sendable, Hashable {
        /// The partition the record went to.
        public var partition: Int
        /// The record's offset in its partition, from 0.
        public var offset: Int64
        /// The key as sent, if any.
        public var key: ProduceRequestData?
        /// The value as sent, if any.
        public var value: ProduceRequestData?
        /// The record headers as sent.
        public var headers: [ProduceRequestHeader]
        /// The record timestamp: the one sent, or the time the server stored the record.
        public var timestamp: Date
    }

    /// One ACL binding held by the test server.
    public struct ACLBinding: Sendable, Hashable {
        /// The kind of resource, such as `TOPIC`.
        public var resourceType: AclResourceType
        /// The resource name or prefix.
        public var resourceName: String
        /// `LITERAL` or `PREFIXED`.
        public var patternType: AclPatternType
        /// The principal, such as `User:alice`.
        public var principal: String
        /// The host, `*` for any.
        public var host: String
        /// The operation allowed or denied.
        public var operation: AclOperation
        /// `ALLOW` or `DENY`.
        public var permission: AclPermission

        /// Creates a binding.
        public init(
            resourceType: AclResourceType,
            resourceName: String,
            patternType: AclPatternType,
            principal: String,
            host: String,
            operation: AclOperation,
            permission: AclPermission
        ) {
            self.resourceType = resourceType
            self.resourceName = resourceName
            self.patternType = patternType
            self.principal = principal
            self.host = host
            self.operation = operation
            self.permission = permission
        }
    }
}
