/// What `OperationCatalog.mustache` and `SchemaRegistry.mustache` render.
struct CatalogContext {
    var header: String
    var operations: [CatalogEntryContext]
    var types: [RegistryEntryContext]
}

/// One operation of the catalog, every field a Swift literal.
struct CatalogEntryContext {
    var operationID: String
    var functionName: String
    var method: String
    var path: String
    var group: String
    var groupProperty: String
    var streaming: Bool
    var availability: String

    init(_ operation: GeneratedOperation, group: OperationGroup?) {
        operationID = SwiftLiteral.string(operation.operationID)
        functionName = SwiftLiteral.string(operation.name)
        method = SwiftLiteral.string(operation.method)
        path = SwiftLiteral.string(operation.path)
        self.group = SwiftLiteral.string(operation.group)
        groupProperty = SwiftLiteral.string(group?.property ?? "")
        streaming = operation.streaming
        availability = operation.availability.map(SwiftLiteral.string).joined(separator: ", ")
    }
}

/// One component schema and its Swift type.
struct RegistryEntryContext {
    var literal: String
    var name: String
}
