import Testing
@testable import KafkaRESTGenerator

@Suite("List responses page through PagedCollection")
struct PagingTests {
    @Test func listSchemasConformWhateverTheirOptionality() throws {
        let rendered = try GeneratorFixtures.generate(components: """
            schemas:
              Meta:
                type: object
                properties:
                  next: {type: string, nullable: true}
              PlainMeta:
                type: object
                required: [next]
                properties:
                  next: {type: string}
              TopicList:
                type: object
                required: [metadata, data]
                properties:
                  metadata: {$ref: '#/components/schemas/Meta'}
                  data: {type: array, items: {type: string}}
              LooseList:
                type: object
                properties:
                  metadata: {$ref: '#/components/schemas/PlainMeta'}
                  data: {type: array, items: {type: integer, format: int32}}
              NotAList:
                type: object
                properties:
                  data: {type: string}
                  metadata: {$ref: '#/components/schemas/Meta'}
            """)
        let strict = rendered.lines("Models/TopicList.swift")
        #expect(strict.contains("public struct TopicList: Codable, Sendable, Hashable, PagedCollection {"))
        #expect(strict.contains("public var pageItems: [String] { data }"))
        #expect(strict.contains("public var nextPageURL: String? { metadata.next?.value }"))
        let loose = rendered.lines("Models/LooseList.swift")
        #expect(loose.contains("public var pageItems: [Int32] { data ?? [] }"))
        #expect(loose.contains("public var nextPageURL: String? { metadata?.next }"))
        #expect(rendered.lines("Models/NotAList.swift").contains("public struct NotAList: Codable, Sendable, Hashable {"))
    }
}
