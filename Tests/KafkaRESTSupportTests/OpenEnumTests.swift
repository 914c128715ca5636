import Foundation
import KafkaRESTSupport
import Testing

/// Shaped like the generator's output for an `x-extensible-enum`.
private struct AclOperation: OpenEnum {
    let rawValue: String
    init(rawValue: String) { self.rawValue = rawValue }
    static let read: AclOperation = "READ"
    static let write: AclOperation = "WRITE"
    static let knownValues: [AclOperation] = [.read, .write]
}

private struct AclEntry: Codable, Equatable {
    var operation: AclOperation
    var other: Int
}

@Suite struct OpenEnumTests {
    @Test func unknownValueIsKeptAndReencodedByteIdentical() throws {
        let text = #"{"operation":"ALTER_SOMETHING_NEW \u00e9","other":1}"#
        let canonical = #"{"operation":"ALTER_SOMETHING_NEW é","other":1}"#
        let entry = try decodeJSON(AclEntry.self, canonical)
        #expect(entry.operation.rawValue == "ALTER_SOMETHING_NEW é")
        #expect(!entry.operation.isKnown)
        #expect(try jsonText(entry) == canonical)
        #expect(try decodeJSON(AclEntry.self, text) == entry)
    }

    @Test func knownValueDecodesToTheStaticConstant() throws {
        let entry = try decodeJSON(AclEntry.self, #"{"operation":"READ","other":2}"#)
        #expect(entry.operation == .read)
        #expect(entry.operation.isKnown)
        #expect(try jsonText(entry) == #"{"operation":"READ","other":2}"#)
    }

    @Test func switchMatchesKnownValuesAndFallsBackToDefault() {
        func label(_ operation: AclOperation) -> String {
            switch operation {
            case .read: "read"
            case .write: "write"
            default: "other \(operation)"
            }
        }
        #expect(label(.read) == "read")
        #expect(label(AclOperation(rawValue: "WRITE")) == "write")
        #expect(label("DESCRIBE") == "other DESCRIBE")
    }

    @Test func exposesRawValueAsDescriptionAndParameter() {
        let operation: AclOperation = "DESCRIBE"
        #expect(operation.description == "DESCRIBE")
        #expect(operation.parameterValue == "DESCRIBE")
        #expect("\(operation)" == "DESCRIBE")
        #expect(AclOperation.knownValues == ["READ", "WRITE"])
    }

    @Test func rejectsNonStringJSON() {
        #expect(throws: DecodingError.self) {
            try decodeJSON(AclEntry.self, #"{"operation":5,"other":1}"#)
        }
    }
}
