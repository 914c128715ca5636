import Foundation
import KafkaRESTSupport
import Testing

/// Shaped like the generator's output for a plain `enum`.
private enum PatternType: String, ClosedEnum, CaseIterable {
    case literal = "LITERAL"
    case prefixed = "PREFIXED"
    case match = "MATCH"
    case any = "ANY"
    case unknown = "UNKNOWN"
}

private struct AclFilter: Codable, Equatable {
    var patternType: PatternType

    enum CodingKeys: String, CodingKey {
        case patternType = "pattern_type"
    }
}

private struct AclFilterList: Codable {
    var data: [AclFilter]
}

@Suite struct ClosedEnumTests {
    @Test func decodesAndEncodesKnownValues() throws {
        let filter = try decodeJSON(AclFilter.self, #"{"pattern_type":"PREFIXED"}"#)
        #expect(filter.patternType == .prefixed)
        #expect(try jsonText(filter) == #"{"pattern_type":"PREFIXED"}"#)
        #expect(PatternType.match.parameterValue == "MATCH")
    }

    @Test func invalidValueErrorNamesValueTypeAndAllowedValues() throws {
        let error = try #require(throws: DecodingError.self) {
            try decodeJSON(AclFilter.self, #"{"pattern_type":"LITRAL"}"#)
        }
        guard case .dataCorrupted = error else {
            Issue.record("expected dataCorrupted, got \(error)")
            return
        }
        #expect(
            debugDescription(of: error)
                == "'LITRAL' is not a valid PatternType (expected one of LITERAL, PREFIXED, MATCH, ANY, UNKNOWN)"
        )
        #expect(codingPath(of: error) == ["pattern_type"])
    }

    @Test func invalidValueErrorCarriesNestedCodingPath() throws {
        let error = try #require(throws: DecodingError.self) {
            try decodeJSON(AclFilterList.self, #"{"data":[{"pattern_type":"ANY"},{"pattern_type":"any"}]}"#)
        }
        #expect(codingPath(of: error) == ["data", "Index 1", "pattern_type"])
        #expect(debugDescription(of: error).hasPrefix("'any' is not a valid PatternType"))
    }
}
