import Foundation
import Testing
@testable import KafkaRESTGenerator

/// `--operations`, `--tags`, `--access` and `--support-package`: a subset of operations with
/// the types they use, the access modifier of every declaration, and a manifest that depends on
/// the runtime by folder or by URL and version.
@Suite("Generator options")
struct GeneratorOptionsTests {
    private static let spec = """
        openapi: 3.0.3
        info: {title: Options, version: "1"}
        paths:
          /pets:
            get:
              operationId: listPets
              tags: [pets]
              responses:
                '200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}}}}
          /pets/{id}:
            delete:
              tags: [pets, admin]
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '204': {description: gone}
          /stores:
            get:
              operationId: listStores
              tags: [stores]
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Store'}}}}
        components:
          schemas:
            Pet:
              type: object
              properties:
                kind: {$ref: '#/components/schemas/Kind'}
                owner: {oneOf: [{$ref: '#/components/schemas/Person'}, {type: string}]}
            Kind: {type: string, enum: [cat, dog]}
            Person: {type: object, properties: {tags: {type: array, items: {$ref: '#/components/schemas/Tag'}}}}
            Tag: {type: string}
            Store: {type: object, properties: {name: {type: string}}}
        """

    private static func render(_ selection: OperationSelection = .all, access: AccessLevel = .public) throws -> Generator.Rendered {
        try Generator.render(specText: spec, specFile: "options.yaml", templatesFolder: nil, selection: selection, access: access)
    }

    private static func typeFiles(_ rendered: Generator.Rendered) -> [String] {
        rendered.files.keys.filter { $0.hasPrefix("Models/") }.sorted()
    }

    @Test func everythingByDefault() throws {
        let rendered = try Self.render()
        #expect(rendered.operations == 3)
        #expect(Self.typeFiles(rendered) == [
            "Models/Kind.swift", "Models/Person.swift", "Models/Pet.swift", "Models/PetOwner.swift", "Models/Store.swift", "Models/Tag.swift",
        ])
    }

    @Test func operationsByIDKeepOnlyTheTypesTheyUseThroughPropertiesAlternativesAndAliases() throws {
        let rendered = try Self.render(OperationSelection(operationIDs: ["listPets"]))
        #expect(rendered.operations == 1)
        #expect(Self.typeFiles(rendered) == ["Models/Kind.swift", "Models/Person.swift", "Models/Pet.swift", "Models/PetOwner.swift", "Models/Tag.swift"])
        #expect(rendered.files.keys.filter { $0.hasPrefix("Operations/") }.sorted() == ["Operations/PetsOperations.swift", "Operations/PetsOperationsProtocol.swift"])
    }

    @Test func tagsSelectTheirOperationsAndASynthesisedNameSelectsItsOperation() throws {
        let admin = try Self.render(OperationSelection(tags: ["admin"]))
        #expect(admin.operations == 1)
        #expect(Self.typeFiles(admin) == [])
        let both = try Self.render(OperationSelection(operationIDs: ["deletePet", "listStores"], tags: ["pets"]))
        #expect(both.operations == 1)
        #expect(both.file("Operations/PetsOperations.swift").contains("public func deletePet(id: String) async throws {"))
    }

    @Test func namesThatSelectNothingAreErrors() {
        let failure = #expect(throws: GenerationFailed.self) {
            try Self.render(OperationSelection(operationIDs: ["listPets", "listDogs"], tags: ["birds"]))
        }
        #expect(failure?.diagnostics.map(\.message) == [
            "--operations names 'listDogs', which no operation of the spec has",
            "--tags names 'birds', which no operation of the spec has",
        ])
    }

    @Test func accessIsTheModifierOfEveryDeclaration() throws {
        for access in [AccessLevel.package, .internal] {
            let rendered = try Self.render(access: access)
            let publicLines = rendered.files.values.flatMap { $0.split(separator: "\n") }.filter {
                $0.trimmingCharacters(in: .whitespaces).hasPrefix("public ")
            }
            #expect(publicLines == [])
            #expect(rendered.file("Models/Pet.swift").contains("\(access.rawValue) struct Pet: Codable, Sendable, Hashable {"))
            #expect(rendered.file("Client.swift").contains("\(access.rawValue) struct Client: Sendable {"))
        }
        #expect(try Self.render().file("Models/Pet.swift").contains("public struct Pet: Codable, Sendable, Hashable {"))
    }

    @Test func supportPackageIsAFolderOrAURLWithAVersion() throws {
        #expect(try SupportPackage("../kafka-rest") == .folder("../kafka-rest"))
        #expect(try SupportPackage("https://github.com/acme/kafka-rest-swift@1.2.0")
            == .git(url: "https://github.com/acme/kafka-rest-swift", version: "1.2.0", name: "kafka-rest-swift"))
        #expect(try SupportPackage("git@github.com:acme/kafka-rest-swift.git@0.1.0-beta.1")
            == .git(url: "git@github.com:acme/kafka-rest-swift.git", version: "0.1.0-beta.1", name: "kafka-rest-swift"))
        for text in ["https://github.com/acme/kafka-rest-swift", "https://github.com/acme/kafka-rest-swift@main", "https://github.com/acme/kafka-rest-swift@1.2"] {
            let failure = #expect(throws: GenerationFailed.self) { try SupportPackage(text) }
            #expect(failure?.diagnostics.first?.message == "'\(text)' is a URL without a version; write it as URL@VERSION, such as https://github.com/OWNER/NAME@1.2.0")
        }
    }

    @Test func aPackageDependsOnTheRuntimeByURLAndVersion() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("options-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.spec.write(toFile: folder + "/options.yaml", atomically: true, encoding: .utf8)
        _ = try Generator.run(Generator.Options(
            specPath: folder + "/options.yaml", templatesFolder: nil, outputFolder: "unused", moduleName: "Pets", check: false,
            packageDirectory: folder + "/Pets", supportPackage: "https://github.com/acme/kafka-rest-swift.git@1.2.0",
            selection: OperationSelection(tags: ["stores"]), access: .package
        ))
        let manifest = try String(contentsOfFile: folder + "/Pets/Package.swift", encoding: .utf8)
        #expect(manifest.contains(#".package(url: "https://github.com/acme/kafka-rest-swift.git", from: "1.2.0"),"#))
        #expect(manifest.contains(#"dependencies: [.product(name: "KafkaRESTSupport", package: "kafka-rest-swift")]"#))
        let models = try FileManager.default.contentsOfDirectory(atPath: folder + "/Pets/Sources/Pets/Models")
        #expect(models == ["Store.swift"])
    }
}
