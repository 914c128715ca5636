import KafkaREST

extension AclData: TableRow {
    static let columns = ["RESOURCE_TYPE", "RESOURCE_NAME", "PATTERN", "PRINCIPAL", "HOST", "OPERATION", "PERMISSION"]
    var cells: [String] {
        [
            resourceType.rawValue, resourceName, patternType.rawValue, principal, host,
            operation.rawValue, permission.rawValue,
        ]
    }
}
