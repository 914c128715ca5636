import Foundation
import KafkaRESTAPI
import KafkaRESTSupport
import Testing

/// Behaviour of the generated types that users rely on.
@Suite("Generated types")
struct GeneratedTypeTests {
    @Test func openEnumKeepsUnknownValuesByteIdentical() throws {
        let json = Data(#"["READ","FUTURE_OPERATION_42"]"#.utf8)
        let values = try JSONDecoder().decode([AclOperation].self, from: json)
        #expect(values[0] == .read)
        #expect(values[1].rawValue == "FUTURE_OPERATION_42")
        #expect(!values[1].isKnown)
        #expect(try JSONEncoder().encode(values) == json)
        switch values[0] {
        case .read: break
        default: Issue.record("switch did not match .read")
        }
    }

    @Test func closedEnumNamesTheBadValue() throws {
        let error = try #require(throws: DecodingError.self) {
            try JSONDecoder().decode([AclResourceType].self, from: Data(#"["TOPIC","NOT_A_TYPE"]"#.utf8))
        }
        #expect("\(error)".contains("NOT_A_TYPE"))
        #expect("\(error)".contains("UNKNOWN, ANY, TOPIC, GROUP, CLUSTER, TRANSACTIONAL_ID, DELEGATION_TOKEN"), "the allowed values, from allCases")
    }

    @Test func closedEnumsListTheirCasesInSpecOrder() {
        #expect(AclResourceType.allCases.map(\.rawValue) == ["UNKNOWN", "ANY", "TOPIC", "GROUP", "CLUSTER", "TRANSACTIONAL_ID", "DELEGATION_TOKEN"])
    }

    @Test func optionalNullableKeepsAbsentNullAndValue() throws {
        let absent = try JSONDecoder().decode(ProduceRequest.self, from: Data("{}".utf8))
        let null = try JSONDecoder().decode(ProduceRequest.self, from: Data(#"{"partition_id":null}"#.utf8))
        let value = try JSONDecoder().decode(ProduceRequest.self, from: Data(#"{"partition_id":3}"#.utf8))
        #expect(absent.partitionID == nil)
        #expect(null.partitionID == .null)
        #expect(value.partitionID == .value(3))
        let encoder = JSONEncoder()
        #expect(String(decoding: try encoder.encode(absent), as: UTF8.self) == "{}")
        #expect(String(decoding: try encoder.encode(null), as: UTF8.self) == #"{"partition_id":null}"#)
        #expect(String(decoding: try encoder.encode(value), as: UTF8.self) == #"{"partition_id":3}"#)
    }

    @Test func requiredNullableEncodesExplicitNull() throws {
        let error = ErrorModel(errorCode: 40403, message: nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(error), as: UTF8.self) == #"{"error_code":40403,"message":null}"#)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ErrorModel.self, from: Data(#"{"error_code":1}"#.utf8))
        }
    }

    @Test func timestampsDecodeWithAndWithoutMillisecondsAndEncodeMilliseconds() throws {
        let withMilliseconds = try JSONDecoder().decode(ProduceRequest.self, from: Data(#"{"timestamp":"2021-12-13T16:29:10.951Z"}"#.utf8))
        let withoutMilliseconds = try JSONDecoder().decode(ProduceRequest.self, from: Data(#"{"timestamp":"2021-12-13T16:29:10Z"}"#.utf8))
        let withOffset = try JSONDecoder().decode(ProduceRequest.self, from: Data(#"{"timestamp":"2021-12-13T18:29:10.951+02:00"}"#.utf8))
        #expect(withMilliseconds.timestamp == withOffset.timestamp)
        #expect(withMilliseconds.timestamp != withoutMilliseconds.timestamp)
        #expect(String(decoding: try JSONEncoder().encode(withOffset), as: UTF8.self) == #"{"timestamp":"2021-12-13T16:29:10.951Z"}"#)
    }

    @Test func catalogListsEveryOperationOnceWithTheStreamingOne() {
        let ids = OperationCatalog.all.map(\.operationID)
        #expect(ids.count == 87)
        #expect(Set(ids).count == ids.count)
        #expect(OperationCatalog.all.filter(\.isStreaming).map(\.operationID) == ["produceRecord"])
    }
}

@Suite("Generated schema table")
struct GeneratedSchemaTableTests {
    @Test func everyComponentHasADescriptionAndReferencesResolve() {
        let table = SchemaTable.schemas
        #expect(Set(table.keys) == Set(SchemaRegistry.types.keys))
        func references(_ descriptor: SchemaDescriptor) -> [String] {
            [descriptor.ref].compactMap { $0 }
                + (descriptor.properties ?? []).flatMap { references($0.schema) }
                + (descriptor.items.map(references) ?? [])
                + (descriptor.additionalProperties.map(references) ?? [])
        }
        let dangling = table.values.flatMap(references).filter { table[$0] == nil }
        #expect(dangling.isEmpty)
        #expect(table["ProduceRequest"]?.type == "object")
    }
}
