import Foundation

/// Stages 2 and 3: from the loaded document to the intermediate model.
enum ModuleBuilder {
    /// Builds the module: component types first (so their names win), then
    /// operations (which may add inline types), types sorted by name.
    static func build(_ document: OpenAPIDocument, diagnostics: inout Diagnostics) -> GeneratedModule {
        let resolver = ReferenceResolver(components: document.components)
        var schemas = SchemaTranslator(resolver: resolver, diagnostics: diagnostics)
        schemas.translateComponents()
        var operations = OperationTranslator(resolver: resolver, schemas: schemas)
        let generated = operations.translate(document)
        diagnostics = operations.diagnostics
        return GeneratedModule(
            types: operations.schemas.types.sorted { $0.name < $1.name },
            operations: generated,
            title: document.title,
            specFileName: (document.file as NSString).lastPathComponent
        )
    }
}
