import Foundation
import KafkaRESTSupport
import Testing

@Suite struct ParameterValueTests {
    @Test func formatsScalarsAsPlainText() {
        #expect("lkc-1 x".parameterValue == "lkc-1 x")
        #expect(true.parameterValue == "true")
        #expect(false.parameterValue == "false")
        #expect(42.parameterValue == "42")
        #expect(Int32(-7).parameterValue == "-7")
        #expect(Int64.min.parameterValue == "-9223372036854775808")
        #expect(0.5.parameterValue == "0.5")
        #expect(3.0.parameterValue == "3.0")
    }

    @Test func formatsDatesAsRFC3339InUTCWithMilliseconds() {
        #expect(Date(timeIntervalSince1970: 1_764_000_000.123).parameterValue == "2025-11-24T16:00:00.123Z")
        #expect(Date(timeIntervalSince1970: 0).parameterValue == "1970-01-01T00:00:00.000Z")
    }
}
