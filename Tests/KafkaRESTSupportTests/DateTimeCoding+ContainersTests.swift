import Foundation
import KafkaRESTSupport
import Testing

/// A model with the four date-time property shapes, coded the way generated models code them.
private struct Event: Codable, Equatable {
    var at: Date
    var until: Date?
    var deletedAt: Date?
    var expiresAt: Nullable<Date>?

    enum CodingKeys: String, CodingKey {
        case at
        case until
        case deletedAt = "deleted_at"
        case expiresAt = "expires_at"
    }

    init(at: Date, until: Date?, deletedAt: Date?, expiresAt: Nullable<Date>?) {
        self.at = at
        self.until = until
        self.deletedAt = deletedAt
        self.expiresAt = expiresAt
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        at = try container.decodeDateTime(forKey: .at)
        until = try container.decodeDateTimeIfPresent(forKey: .until)
        deletedAt = try container.decodeNullableDateTime(forKey: .deletedAt)
        expiresAt = try container.decodeNullableDateTimeIfPresent(forKey: .expiresAt)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeDateTime(at, forKey: .at)
        try container.encodeDateTimeIfPresent(until, forKey: .until)
        try container.encodeNullableDateTime(deletedAt, forKey: .deletedAt)
        try container.encodeNullableDateTimeIfPresent(expiresAt, forKey: .expiresAt)
    }
}

@Suite struct DateTimeCodingContainersTests {
    private let at = Date(timeIntervalSince1970: 1_639_412_950.951)
    private let later = Date(timeIntervalSince1970: 1_639_412_960)

    @Test func decodesAllShapesWithValues() throws {
        let event = try decodeJSON(
            Event.self,
            #"{"at":"2021-12-13T16:29:10.951Z","until":"2021-12-13T16:29:20Z","deleted_at":"2021-12-13T18:29:20+02:00","expires_at":"2021-12-13T16:29:20.000Z"}"#
        )
        #expect(DateTimeCoding.string(from: event.at) == "2021-12-13T16:29:10.951Z")
        #expect(event.until == later)
        #expect(event.deletedAt == later)
        #expect(event.expiresAt == .value(later))
    }

    @Test func decodesAbsentAndNull() throws {
        let absent = try decodeJSON(Event.self, #"{"at":"2021-12-13T16:29:10.951Z","deleted_at":null}"#)
        #expect(absent.until == nil)
        #expect(absent.deletedAt == nil)
        #expect(absent.expiresAt == nil)
        let null = try decodeJSON(Event.self, #"{"at":"2021-12-13T16:29:10.951Z","until":null,"deleted_at":null,"expires_at":null}"#)
        #expect(null.until == nil)
        #expect(null.expiresAt == .null)
    }

    @Test func requiredNullableDateMustBePresent() throws {
        let error = try #require(throws: DecodingError.self) {
            try decodeJSON(Event.self, #"{"at":"2021-12-13T16:29:10.951Z"}"#)
        }
        #expect(codingPath(of: error) == ["deleted_at"])
    }

    @Test func encodesAllShapes() throws {
        #expect(
            try jsonText(Event(at: at, until: nil, deletedAt: nil, expiresAt: nil))
                == #"{"at":"2021-12-13T16:29:10.951Z","deleted_at":null}"#
        )
        #expect(
            try jsonText(Event(at: at, until: later, deletedAt: later, expiresAt: .null))
                == #"{"at":"2021-12-13T16:29:10.951Z","deleted_at":"2021-12-13T16:29:20.000Z","expires_at":null,"until":"2021-12-13T16:29:20.000Z"}"#
        )
        #expect(
            try jsonText(Event(at: at, until: nil, deletedAt: nil, expiresAt: .value(later)))
                == #"{"at":"2021-12-13T16:29:10.951Z","deleted_at":null,"expires_at":"2021-12-13T16:29:20.000Z"}"#
        )
    }

    @Test func malformedDateNamesValueAndCodingPath() throws {
        let error = try #require(throws: DecodingError.self) {
            try decodeJSON(Event.self, #"{"at":"2021-12-13T16:29:10.951Z","deleted_at":null,"expires_at":"yesterday"}"#)
        }
        guard case .dataCorrupted = error else {
            Issue.record("expected dataCorrupted, got \(error)")
            return
        }
        #expect(debugDescription(of: error) == "'yesterday' is not an RFC 3339 date-time")
        #expect(codingPath(of: error) == ["expires_at"])
    }
}
