import Foundation
import KafkaRESTSupport
import Testing

@Suite struct NullableTests {
    @Test func initialisesFromOptional() {
        #expect(Nullable<Int>(5) == .value(5))
        #expect(Nullable<Int>(nil) == .null)
        #expect(Nullable<Int>.value(5).value == 5)
        #expect(Nullable<Int>.null.value == nil)
    }

    @Test func codesNullAndValuesAsSingleValues() throws {
        let decoded = try decodeJSON([Nullable<String>].self, #"[null,"x"]"#)
        #expect(decoded == [.null, .value("x")])
        #expect(try jsonText(decoded) == #"[null,"x"]"#)
    }

    @Test func hashesByCase() {
        let set: Set<Nullable<Int>> = [.null, .value(1), .null, .value(1), .value(2)]
        #expect(set.count == 3)
    }
}
