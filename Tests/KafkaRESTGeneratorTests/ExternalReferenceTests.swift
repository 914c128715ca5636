import Foundation
import Testing
@testable import KafkaRESTGenerator

/// `$ref`s to other files and to places outside `components`: followed, each target read once,
/// named after the file or pointer, cycles broken, and what cannot be followed reported at the
/// reference that names it.
@Suite("External references")
struct ExternalReferenceTests {
    /// A spec written over several files in a new folder, loaded from `main.yaml` there.
    private struct SplitSpec {
        let folder: String
        let module: GeneratedModule
        let warnings: [Diagnostic]

        init(_ files: [String: String]) throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("external-refs-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            self.folder = folder
            for (path, text) in files {
                let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            var diagnostics = Diagnostics()
            let document = try DocumentLoader().load(path: folder + "/main.yaml", diagnostics: &diagnostics)
            module = ModuleBuilder.build(document, diagnostics: &diagnostics)
            warnings = diagnostics.warnings
        }

        func type(_ name: String) -> GeneratedType? { module.types.first { $0.name == name } }

        func properties(_ name: String) -> [String: TypeUsage] {
            guard case let .structure(properties)? = type(name)?.kind else { return [:] }
            return Dictionary(uniqueKeysWithValues: properties.map { ($0.name, $0.type) })
        }

        /// Each warning as `file-in-folder:line: message`.
        var placedWarnings: [String] {
            warnings.map { warning in
                let file = warning.location.file.hasPrefix(folder + "/") ? String(warning.location.file.dropFirst(folder.count + 1)) : warning.location.file
                return "\(file):\(warning.location.line): \(warning.message)"
            }
        }
    }

    private static func main(paths: String = "{}", components: String = "{}") -> String {
        """
        openapi: 3.0.3
        info: {title: Split, version: "1"}
        paths: \(paths)
        components: \(components)
        """
    }

    @Test func operationsParametersResponsesAndSchemasInOtherFilesAreFollowed() throws {
        let spec = try SplitSpec([
            "main.yaml": Self.main(paths: """

                  /apps/{app_id}:
                    get:
                      $ref: 'resources/apps/apps_get.yml'
                """),
            "resources/apps/apps_get.yml": """
                operationId: apps_get
                parameters:
                  - $ref: 'parameters.yml#/app_id'
                responses:
                  '200':
                    $ref: 'responses/app.yml'
                """,
            "resources/apps/parameters.yml": """
                app_id:
                  in: path
                  name: app_id
                  required: true
                  schema: {type: integer}
                """,
            "resources/apps/responses/app.yml": """
                description: One app.
                content:
                  application/json:
                    schema:
                      $ref: '../models/app.yml'
                """,
            "resources/apps/models/app.yml": """
                type: object
                required: [name]
                properties:
                  name: {type: string}
                  owner:
                    $ref: '../../../shared/models/user.yml'
                """,
            "shared/models/user.yml": """
                type: object
                properties:
                  id: {type: string}
                """,
        ])
        #expect(spec.placedWarnings == [])
        #expect(spec.properties("App") == ["name": .string, "owner": .named("User")])
        #expect(spec.properties("User") == ["id": .string])
        let operation = try #require(spec.module.operations.first)
        #expect(operation.operationID == "apps_get")
        #expect(operation.parameters.map(\.name) == ["appID"])
        #expect(operation.parameters.map(\.type) == [.integer(bits: nil)])
        guard case let .single(result) = operation.result else {
            Issue.record("apps_get should return one type")
            return
        }
        #expect(result == .named("App"))
    }

    @Test func aTargetReachedThroughSeveralSpellingsIsOneType() throws {
        let spec = try SplitSpec([
            "main.yaml": Self.main(components: """

                  schemas:
                    Team:
                      type: object
                      properties:
                        lead: {$ref: 'models/user.yml'}
                        deputy: {$ref: './models/../models/user.yml#'}
                        members: {type: array, items: {$ref: 'models/user.yml#/'}}
                """),
            "models/user.yml": "type: object\nproperties: {id: {type: string}}\n",
        ])
        #expect(spec.placedWarnings == [])
        #expect(spec.properties("Team") == ["lead": .named("User"), "deputy": .named("User"), "members": .array(.named("User"))])
        #expect(spec.module.types.map(\.name).sorted() == ["Team", "User"])
    }

    @Test func aCycleAcrossFilesIsReadOnceAndBoxed() throws {
        let spec = try SplitSpec([
            "main.yaml": Self.main(components: """

                  schemas:
                    Root: {$ref: 'person.yml'}
                """),
            "person.yml": "type: object\nproperties:\n  name: {type: string}\n  employer: {$ref: 'company.yml'}\n",
            "company.yml": "type: object\nproperties:\n  owner: {$ref: 'person.yml'}\n",
        ])
        #expect(spec.placedWarnings == [])
        #expect(spec.module.types.map(\.name).sorted() == ["Company", "Person", "Root"])
        guard case let .structure(person)? = spec.type("Person")?.kind, case let .structure(company)? = spec.type("Company")?.kind else {
            Issue.record("Person and Company should be structs")
            return
        }
        #expect((person + company).filter(\.boxed).map(\.name) == ["employer", "owner"])
        #expect(spec.type("Root")?.kind.aliasTarget == .named("Person"))
    }

    @Test func theSameFileNameInTwoFoldersTakesTheFolderName() throws {
        let spec = try SplitSpec([
            "main.yaml": Self.main(components: """

                  schemas:
                    Summary:
                      type: object
                      properties:
                        app: {$ref: 'resources/apps/models/state.yml'}
                        bill: {$ref: 'resources/billing/models/state.yml'}
                        invoice: {$ref: 'resources/billing/invoice.yml#/state'}
                """),
            "resources/apps/models/state.yml": "type: string\nenum: [running, stopped]\n",
            "resources/billing/models/state.yml": "type: string\nenum: [paid, due]\n",
            "resources/billing/invoice.yml": "state: {type: string, enum: [draft, sent]}\n",
        ])
        #expect(spec.placedWarnings == [])
        #expect(spec.properties("Summary") == ["app": .named("State"), "bill": .named("BillingState"), "invoice": .named("State2")])
    }

    @Test func pointersIntoTheEntryFileOutsideComponentsAndBackIntoItAreFollowed() throws {
        let spec = try SplitSpec([
            "main.yaml": """
                openapi: 3.1.0
                info: {title: Split, version: "1"}
                paths: {}
                components:
                  schemas:
                    Shape:
                      type: object
                      properties:
                        origin: {$ref: '#/components/schemas/Shape/$defs/Point'}
                        label: {$ref: 'label.yml'}
                      $defs:
                        Point: {type: object, properties: {x: {type: number}}}
                    Tag: {type: string}
                """,
            "label.yml": "type: object\nproperties:\n  tag: {$ref: 'main.yaml#/components/schemas/Tag'}\n",
        ])
        #expect(spec.placedWarnings == [])
        #expect(spec.properties("Shape") == ["origin": .named("Point"), "label": .named("Label")])
        #expect(spec.properties("Label") == ["tag": .named("Tag")])
        #expect(spec.module.types.map(\.name).sorted() == ["Label", "Point", "Shape", "Tag"])
    }

    @Test func discriminatorMappingsToFilesSelectTheirCases() throws {
        let spec = try SplitSpec([
            "main.yaml": Self.main(components: """

                  schemas:
                    Pet:
                      oneOf:
                        - {$ref: 'pets/cat.yml'}
                        - {$ref: 'pets/dog.yml'}
                      discriminator:
                        propertyName: kind
                        mapping:
                          meow: 'pets/cat.yml'
                          woof: 'pets/dog.yml#'
                """),
            "pets/cat.yml": "type: object\nproperties: {kind: {type: string}, lives: {type: integer}}\n",
            "pets/dog.yml": "type: object\nproperties: {kind: {type: string}, good: {type: boolean}}\n",
        ])
        #expect(spec.placedWarnings == [])
        guard case let .alternatives(pet)? = spec.type("Pet")?.kind else {
            Issue.record("Pet should be an enum of alternatives")
            return
        }
        #expect(pet.cases.map(\.type) == [.named("Cat"), .named("Dog")])
        #expect(pet.cases.map(\.discriminatorValues) == [["meow"], ["woof"]])
    }

    @Test func whatCannotBeFollowedIsReportedAtTheReference() throws {
        let spec = try SplitSpec([
            "main.yaml": Self.main(components: """

                  schemas:
                    Broken:
                      type: object
                      properties:
                        missingFile: {$ref: 'models/nowhere.yml'}
                        missingPointer: {$ref: 'models/user.yml#/properties/age'}
                        notYAML: {$ref: 'models/bad.yml'}
                        remote: {$ref: 'https://example.com/user.yml'}
                        anchor: {$ref: 'models/user.yml#user'}
                """),
            "models/user.yml": "type: object\nproperties: {id: {type: string}}\n",
            "models/bad.yml": "type: object\nproperties: [unclosed\n",
        ])
        #expect(spec.placedWarnings == [
            "main.yaml:9: '$ref: models/nowhere.yml' cannot be followed: cannot read '\(spec.folder)/models/nowhere.yml'; read as any value",
            "main.yaml:10: '$ref: models/user.yml#/properties/age' points at nothing in '\(spec.folder)/models/user.yml' (no #/properties/age); read as any value",
            "main.yaml:11: '$ref: models/bad.yml' cannot be followed: \(spec.folder)/models/bad.yml:3:1 (#): not valid YAML: while parsing a flow sequence: did not find expected ',' or ']'; read as any value",
            "main.yaml:12: '$ref: https://example.com/user.yml' names a remote document; only files beside the spec are read; read as any value",
            "main.yaml:13: '$ref: models/user.yml#user' has a fragment that is not a JSON pointer (#/…); read as any value",
        ])
        #expect(Set(spec.properties("Broken").values) == [.json])
    }

    @Test func warningsAboutAnotherFileNameThatFileAndLine() throws {
        let spec = try SplitSpec([
            "main.yaml": Self.main(components: "\n  schemas:\n    Root: {$ref: 'models/app.yml'}\n"),
            "models/app.yml": "type: object\nrequired: [name, size]\nproperties:\n  name: {type: string}\n",
        ])
        #expect(spec.placedWarnings == ["models/app.yml:1: required property 'size' is not defined in 'properties'; ignored"])
    }
}

extension GeneratedType.Kind {
    /// The aliased type, for an alias.
    fileprivate var aliasTarget: TypeUsage? {
        if case let .alias(usage) = self { return usage }
        return nil
    }
}
