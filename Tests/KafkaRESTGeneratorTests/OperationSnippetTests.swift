import Testing
@testable import KafkaRESTGenerator

@Suite("Endpoint functions generated from operation snippets")
struct OperationSnippetTests {
    private static let components = """
        parameters:
          ClusterId:
            name: cluster_id
            in: path
            required: true
            schema: {type: string}
        requestBodies:
          CreateTopic:
            required: true
            content:
              application/json:
                schema: {$ref: '#/components/schemas/CreateTopicRequest'}
        responses:
          Topic:
            description: The topic.
            content:
              application/json:
                schema: {$ref: '#/components/schemas/TopicData'}
          TooManyRequests:
            description: Slow down.
            content:
              text/html:
                schema: {type: string}
        schemas:
          CreateTopicRequest:
            type: object
            required: [topic_name]
            properties:
              topic_name: {type: string}
          TopicData:
            type: object
            properties:
              topic_name: {type: string}
        """

    @Test func referencesToEveryComponentKindAreResolved() throws {
        let rendered = try GeneratorFixtures.generate(paths: """
            /clusters/{cluster_id}/topics:
              parameters:
                - $ref: '#/components/parameters/ClusterId'
              post:
                operationId: createKafkaTopic
                tags: [Topic]
                requestBody: {$ref: '#/components/requestBodies/CreateTopic'}
                responses:
                  '201': {$ref: '#/components/responses/Topic'}
                  '429': {$ref: '#/components/responses/TooManyRequests'}
            """, components: Self.components)
        let lines = rendered.lines("Operations/TopicOperations.swift")
        #expect(lines.contains("public struct TopicOperations: TopicOperationsProtocol {"))
        #expect(lines.contains("public var topic: TopicOperations {"))
        #expect(lines.contains("public func createKafkaTopic(clusterID: String, body: CreateTopicRequest) async throws -> TopicData {"))
        #expect(lines.contains(#"var request = APIRequest(operationID: "createKafkaTopic", method: .post, pathTemplate: "/clusters/{cluster_id}/topics", path: "/clusters/\(PathSegment.encode(clusterID))/topics")"#))
        #expect(lines.contains(#"try request.setJSONBody(body, contentType: "application/json", schemaName: "CreateTopicRequest")"#))
        #expect(lines.contains("case 201:"))
        #expect(lines.contains(#"return try response.decode(TopicData.self, operationID: "createKafkaTopic")"#))
        #expect(lines.contains(#"throw response.error(operationID: "createKafkaTopic")"#))
    }

    @Test func operationWithoutOperationIDIsNamedAndReported() throws {
        let rendered = try GeneratorFixtures.generate(paths: """
            /clusters/{cluster_id}/brokers/{broker_id}/configs:
              get:
                parameters:
                  - {name: cluster_id, in: path, required: true, schema: {type: string}}
                  - {name: broker_id, in: path, required: true, schema: {type: integer, format: int32}}
                responses:
                  '200': {description: ok}
            """)
        #expect(rendered.lines("Operations/DefaultOperations.swift").contains("public func listBrokerConfigs(clusterID: String, brokerID: Int32) async throws {"))
        let warning = try #require(rendered.diagnostics.warnings.first { $0.message.contains("no operationId") })
        #expect(warning.message == "operation has no operationId; named 'listBrokerConfigs'")
        #expect(warning.location.line == 6)
        #expect(warning.location.pointer == "/paths/~1clusters~1{cluster_id}~1brokers~1{broker_id}~1configs/get")
    }

    @Test func synthesisedNamesFollowConfluentStyle() {
        #expect(OperationNaming.synthesise(method: "get", path: "/clusters/{cluster_id}/brokers") == "listBrokers")
        #expect(OperationNaming.synthesise(method: "get", path: "/clusters/{cluster_id}/brokers/{broker_id}") == "getBroker")
        #expect(OperationNaming.synthesise(method: "get", path: "/clusters/{cluster_id}/brokers/-/configs") == "listAllBrokerConfigs")
        #expect(OperationNaming.synthesise(method: "post", path: "/clusters/{cluster_id}/brokers/{broker_id}/configs:alter") == "alterBrokerConfigs")
        #expect(OperationNaming.synthesise(method: "delete", path: "/internal/kafka/v3/clusters/{cluster_id}/brokers/{broker_id}/configs/{name}") == "deleteBrokerConfig")
        #expect(OperationNaming.synthesise(method: "get", path: "/clusters") == "listClusters")
    }

    @Test func queryArraysHeadersAndOptionalParameters() throws {
        let rendered = try GeneratorFixtures.generate(paths: """
            /clusters/{cluster_id}/acls:
              get:
                operationId: getKafkaAcls
                parameters:
                  - {name: cluster_id, in: path, required: true, schema: {type: string}}
                  - {name: principal, in: query, schema: {type: string}}
                  - {name: operation, in: query, required: true, schema: {type: string, x-extensible-enum: [READ, WRITE]}}
                  - {name: hosts, in: query, schema: {type: array, items: {type: string}}}
                  - {name: X-Request-Id, in: header, schema: {type: string}}
                  - {name: Accept, in: header, schema: {type: string}}
                responses:
                  '200': {description: ok}
            """)
        let lines = rendered.lines("Operations/DefaultOperations.swift")
        #expect(rendered.file("Operations/DefaultOperations.swift").contains("""
                public func getKafkaAcls(
                    clusterID: String,
                    principal: String? = nil,
                    operation: GetKafkaAclsOperation,
                    hosts: [String]? = nil,
                    xRequestID: String? = nil
                ) async throws {
            """))
        #expect(lines.contains(#"request.addQuery("hosts", hosts)"#))
        #expect(lines.contains(#"request.addHeader("X-Request-Id", xRequestID)"#))
        #expect(rendered.diagnostics.warnings.contains { $0.message == "header parameter 'Accept' is set by the client; ignored" })
        #expect(rendered.lines("Models/GetKafkaAclsOperation.swift").contains("public struct GetKafkaAclsOperation: OpenEnum {"))
    }

    @Test func parametersOfPrimitiveAlternativesAliasesAndEnumsKeepTheirTypesAndOthersAreSentAsString() throws {
        let rendered = try GeneratorFixtures.generate(paths: """
            /keys/{key}:
              get:
                operationId: getKey
                parameters:
                  - {name: key, in: path, required: true, schema: {$ref: '#/components/schemas/KeyIdentifier'}}
                  - {name: ids, in: query, schema: {type: array, items: {$ref: '#/components/schemas/KeyID'}}}
                  - {name: mode, in: query, schema: {$ref: '#/components/schemas/Mode'}}
                  - {name: tagged, in: query, schema: {$ref: '#/components/schemas/Tagged'}}
                  - {name: range, in: query, schema: {$ref: '#/components/schemas/Range'}}
                  - {name: since, in: query, schema: {type: string, format: date-time}}
                responses:
                  '200': {description: ok}
            """, components: """
            schemas:
              KeyID: {type: integer}
              KeyIdentifier:
                anyOf:
                  - $ref: '#/components/schemas/KeyID'
                  - {type: string}
              Mode: {type: string, enum: [fast, safe]}
              Tagged:
                oneOf:
                  - $ref: '#/components/schemas/KeyID'
                  - {type: string}
                  - {type: object, properties: {at: {type: string}}}
              Range: {type: object, properties: {from: {type: integer}}}
            """)
        #expect(rendered.file("Operations/DefaultOperations.swift").contains("""
                public func getKey(
                    key: KeyIdentifier,
                    ids: [KeyID]? = nil,
                    mode: Mode? = nil,
                    tagged: String? = nil,
                    range: String? = nil,
                    since: Date? = nil
                ) async throws {
            """))
        #expect(rendered.diagnostics.warnings.map(\.message) == [
            "parameter 'tagged' has a type that cannot be sent in the query; sent as String",
            "parameter 'range' has a type that cannot be sent in the query; sent as String",
        ])
        #expect(rendered.lines("Models/KeyIdentifier.swift").contains("extension KeyIdentifier: ParameterValue {"))
        #expect(!rendered.file("Models/Tagged.swift").contains("ParameterValue"))
    }

    @Test func bodiesOfOtherMediaTypesAreFormsTextOrData() throws {
        let rendered = try GeneratorFixtures.generate(paths: """
            /tokens:
              post:
                operationId: createToken
                requestBody:
                  required: true
                  content:
                    application/x-www-form-urlencoded:
                      schema: {$ref: '#/components/schemas/TokenForm'}
                responses:
                  '200':
                    description: the token
                    content:
                      text/plain: {schema: {type: string}}
            /notes:
              put:
                operationId: putNote
                requestBody:
                  content:
                    text/markdown: {schema: {type: string}}
                responses:
                  '204': {description: stored}
            /invoices/{id}/pdf:
              get:
                operationId: getInvoicePDF
                parameters:
                  - {name: id, in: path, required: true, schema: {type: string}}
                responses:
                  '200':
                    description: the invoice
                    content:
                      application/pdf: {schema: {type: string, format: binary}}
            /uploads:
              post:
                operationId: upload
                requestBody:
                  required: true
                  content:
                    application/octet-stream: {schema: {type: string, format: binary}}
                responses:
                  '201': {description: stored}
            """, components: """
            schemas:
              TokenForm:
                type: object
                required: [grant_type]
                properties:
                  grant_type: {type: string}
                  scope: {type: array, items: {type: string}}
            """)
        #expect(rendered.diagnostics.warnings.map(\.message) == [])
        let lines = rendered.lines("Operations/DefaultOperations.swift")
        #expect(lines.contains("public func createToken(body: TokenForm) async throws -> String {"))
        #expect(lines.contains(#"try request.setFormBody(body, contentType: "application/x-www-form-urlencoded", schemaName: "TokenForm")"#))
        #expect(lines.contains(#"request.headers.replaceOrAdd(name: "Accept", value: "text/plain")"#))
        #expect(lines.contains("return String(decoding: response.body, as: UTF8.self)"))
        #expect(lines.contains("public func putNote(body: String? = nil) async throws {"))
        #expect(lines.contains(#"if let body { request.body = .bytes(Data(body.utf8), contentType: "text/markdown") }"#))
        #expect(lines.contains("public func getInvoicePdf(id: String) async throws -> Data {"))
        #expect(lines.contains(#"request.headers.replaceOrAdd(name: "Accept", value: "application/pdf")"#))
        #expect(lines.contains("return response.body"))
        #expect(lines.contains("public func upload(body: Data) async throws {"))
        #expect(lines.contains(#"request.body = .bytes(body, contentType: "application/octet-stream")"#))
    }

    @Test func differentlyTypedSuccessesReturnAnEnum() throws {
        let rendered = try GeneratorFixtures.generate(paths: """
            /clusters/{cluster_id}/topics/{topic_name}:
              delete:
                operationId: deleteKafkaTopic
                tags: [Topic]
                parameters:
                  - {name: cluster_id, in: path, required: true, schema: {type: string}}
                  - {name: topic_name, in: path, required: true, schema: {type: string}}
                responses:
                  '202': {$ref: '#/components/responses/Topic'}
                  '204': {description: Deleted.}
                  '429': {$ref: '#/components/responses/TooManyRequests'}
            """, components: Self.components)
        let lines = rendered.lines("Operations/TopicOperations.swift")
        #expect(lines.contains("public func deleteKafkaTopic(clusterID: String, topicName: String) async throws -> DeleteKafkaTopicResponse {"))
        #expect(lines.contains(#"return .accepted(try response.decode(TopicData.self, operationID: "deleteKafkaTopic"))"#))
        #expect(lines.contains("return .noContent"))
        #expect(lines.contains("public enum DeleteKafkaTopicResponse: Sendable, Hashable {"))
        #expect(lines.contains("case accepted(TopicData)"))
    }

    @Test func voidOperationsAndSharedStatusesAreMerged() throws {
        let rendered = try GeneratorFixtures.generate(paths: """
            /clusters/{cluster_id}/topics:
              post:
                operationId: createKafkaTopic
                tags: [Topic]
                parameters:
                  - {name: cluster_id, in: path, required: true, schema: {type: string}}
                responses:
                  '200': {$ref: '#/components/responses/Topic'}
                  '201': {$ref: '#/components/responses/Topic'}
            /clusters/{cluster_id}:
              delete:
                operationId: forget
                tags: [Topic]
                parameters:
                  - {name: cluster_id, in: path, required: true, schema: {type: string}}
                responses:
                  '204': {description: gone}
            """, components: Self.components)
        let lines = rendered.lines("Operations/TopicOperations.swift")
        #expect(lines.contains("case 200, 201:"))
        #expect(lines.contains("public func forget(clusterID: String) async throws {"))
        #expect(lines.contains(#"let request = APIRequest(operationID: "forget", method: .delete, pathTemplate: "/clusters/{cluster_id}", path: "/clusters/\(PathSegment.encode(clusterID))")"#))
    }

    @Test func streamingExtensionAndAvailabilityReachTheCatalog() throws {
        let rendered = try GeneratorFixtures.generate(paths: """
            /clusters/{cluster_id}/topics/{topic_name}/records:
              post:
                operationId: produceRecord
                x-kafka-rest-streaming: true
                x-kafka-rest-availability: [cloud, self-managed]
                parameters:
                  - {name: cluster_id, in: path, required: true, schema: {type: string}}
                  - {name: topic_name, in: path, required: true, schema: {type: string}}
                responses:
                  '200': {description: ok}
            """)
        #expect(rendered.file("OperationCatalog.swift").contains(#"OperationDescriptor(operationID: "produceRecord", functionName: "produceRecord", method: "POST", pathTemplate: "/clusters/{cluster_id}/topics/{topic_name}/records", group: "Default", groupProperty: "defaultOperations", isStreaming: true, availability: ["cloud", "self-managed"]),"#))
    }
}
