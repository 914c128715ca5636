import Foundation
import Mustache
import Testing
@testable import KafkaRESTGenerator

/// Every template context answers each of its stored properties by name (`MustacheParent`,
/// which spares Mustache a `Mirror` per lookup): a property added to a context without its
/// case would render as empty.
@Suite("Template context lookup")
struct TemplateContextLookupTests {
    /// The names and values `Mirror` sees that `child(named:)` does not give back equal.
    private static func mismatches(_ value: some MustacheParent) -> [String] {
        var wrong: [String] = []
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            if text(value.child(named: label)) != text(child.value) {
                wrong.append("\(type(of: value)).\(label)")
            }
        }
        if value.child(named: "noSuchName") != nil { wrong.append("\(type(of: value)) answers an unknown name") }
        return wrong
    }

    /// The description of a value with any optional wrapping taken off (`nil` for none).
    private static func text(_ value: Any?) -> String {
        guard let value else { return "nil" }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return String(describing: value) }
        return mirror.children.first.map { text($0.value) } ?? "nil"
    }

    private static func module(_ relativePath: String) throws -> GeneratedModule {
        var diagnostics = Diagnostics()
        let path = GeneratorFixtures.repositoryRoot.appendingPathComponent(relativePath).path
        return ModuleBuilder.build(try DocumentLoader().load(path: path, diagnostics: &diagnostics), diagnostics: &diagnostics)
    }

    @Test func modelContextsOfEveryKindAnswerEachProperty() throws {
        var wrong: [String] = []
        var kinds: Set<String> = []
        for module in [try Self.module("Tests/Fixtures/types.yaml"), try Self.module("spec/kafka-rest-v3.yaml")] {
            for type in module.types {
                let context = ModelContext(type, header: "// header")
                wrong += Self.mismatches(context)
                wrong += context.properties.flatMap(Self.mismatches)
                wrong += context.alternatives.flatMap(Self.mismatches)
                wrong += context.values.flatMap(Self.mismatches)
                if let paging = context.paging { wrong += Self.mismatches(paging) }
                kinds.formUnion([
                    context.isStruct ? "struct" : nil, context.isOpenEnum ? "open" : nil, context.isClosedEnum ? "closed" : nil,
                    context.isAlias ? "alias" : nil, context.isAlternatives ? "alternatives" : nil, context.paging != nil ? "paging" : nil,
                ].compactMap { $0 })
            }
        }
        #expect(kinds == ["struct", "open", "closed", "alias", "alternatives", "paging"])
        #expect(wrong == [])
    }

    @Test func operationCatalogAndTableContextsAnswerEachProperty() throws {
        let module = try Self.module("spec/kafka-rest-v3.yaml")
        var wrong: [String] = []
        let operations = module.operations.map(OperationContext.init)
        wrong += operations.flatMap(Self.mismatches)
        wrong += operations.flatMap(\.parameterDocs).flatMap(Self.mismatches)
        wrong += operations.flatMap(\.cases).flatMap(Self.mismatches)
        wrong += (operations.flatMap(\.queryParameters) + operations.flatMap(\.headerParameters)).flatMap(Self.mismatches)
        let bodies = operations.compactMap(\.body)
        #expect(!bodies.isEmpty)
        wrong += bodies.flatMap(Self.mismatches)
        var diagnostics = Diagnostics()
        let twoSuccesses = try DocumentLoader().load(text: """
            openapi: 3.0.3
            info: {title: Snippet, version: "1"}
            paths:
              /jobs:
                post:
                  operationId: startJob
                  responses:
                    '200': {description: done, content: {application/json: {schema: {type: integer}}}}
                    '202': {description: started, content: {application/json: {schema: {type: string}}}}
            """, file: "snippet.yaml", diagnostics: &diagnostics)
        let responseEnums = ModuleBuilder.build(twoSuccesses, diagnostics: &diagnostics).operations.compactMap(ResponseEnumContext.init)
        #expect(responseEnums.count == 1)
        wrong += responseEnums.flatMap(Self.mismatches)
        wrong += responseEnums.flatMap(\.cases).flatMap(Self.mismatches)
        wrong += Self.mismatches(OperationsFileContext(
            header: "// header", group: "Topic", typeName: "TopicOperations", protocolName: "TopicOperationsProtocol",
            property: "topic", operations: operations, responseEnums: responseEnums, defaultingOperations: [], hasDefaultingOperations: false
        ))
        let entries = module.operations.map { CatalogEntryContext($0, group: module.groups.first) }
        let registry = module.types.map { RegistryEntryContext(literal: SwiftLiteral.string($0.schemaName), name: $0.name) }
        wrong += entries.flatMap(Self.mismatches) + registry.flatMap(Self.mismatches)
        wrong += Self.mismatches(CatalogContext(header: "// header", operations: entries, types: registry))
        wrong += Self.mismatches(SchemaTableContext(header: "// header", table: module.schemaTable))
        #expect(wrong == [])
    }
}
