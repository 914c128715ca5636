import Foundation

/// Stages 2 and 3: from the loaded document to the intermediate model.
enum ModuleBuilder {
    /// A group's `Client` property: the tag in lower camel case, with
    /// `Operations` appended where that would be a keyword (`default`).
    private static func propertyName(_ tag: String) -> String {
        let name = SwiftNaming.memberName(tag)
        return SwiftNaming.escaped(name) == name ? name : name + "Operations"
    }

    /// Builds the module: component types first (so their names win), then
    /// operations (which may add inline types), types sorted by name. With a `selection`, only
    /// its operations and the types they use.
    static func build(_ loaded: OpenAPIDocument, selection: OperationSelection = .all, diagnostics: inout Diagnostics) -> GeneratedModule {
        let document = selection.apply(to: loaded, &diagnostics)
        let resolver = ReferenceResolver(components: document.components)
        var schemas = SchemaTranslator(resolver: resolver, diagnostics: diagnostics)
        schemas.translateComponents()
        var operations = OperationTranslator(resolver: resolver, schemas: schemas)
        let generated = operations.translate(document)
        let types = selection.selectsAll ? operations.schemas.types : OperationSelection.usedTypes(operations.schemas.types, by: generated)
        var properties = NameScope(reserved: ["transport", "init", "self"])
        var groups: [OperationGroup] = []
        for operation in generated where !groups.contains(where: { $0.tag == operation.group }) {
            let typeName = operations.schemas.claimTypeName(SwiftNaming.typeName(operation.group) + "Operations")
            groups.append(OperationGroup(
                tag: operation.group,
                typeName: typeName,
                protocolName: operations.schemas.claimTypeName(typeName + "Protocol"),
                property: properties.claim(Self.propertyName(operation.group))
            ))
        }
        var tableBuilder = SchemaTableBuilder(resolver: resolver, diagnostics: operations.diagnostics)
        let schemaTable = tableBuilder.table()
        diagnostics = tableBuilder.diagnostics
        return GeneratedModule(
            types: RecursionBreaking.apply(ParameterTypes.mark(PagingDetection.annotate(types))).sorted { $0.name < $1.name },
            operations: generated,
            groups: groups,
            schemaTable: schemaTable,
            title: document.title,
            specFileName: (document.file as NSString).lastPathComponent
        )
    }
}
