import Foundation
@testable import KafkaRESTCLI
import KafkaREST
import Testing

@Suite("produce result lines")
struct RecordReportTests {
    static let reports: [RecordReport] = [
        RecordReport(line: 1, outcome: .delivered(DeliveryReport(partition: 3, offset: 42))),
        RecordReport(line: 2, outcome: .failed(KafkaRESTError(kind: .http, operationID: "produceRecord", status: 404, errorCode: 40403, message: "Topic \"t\" not found\n"))),
        RecordReport(line: 3, outcome: .unknown(reason: "stream broke: \u{1B}[31m")),
        RecordReport(line: 4, invalidInput: "not JSON"),
    ]

    @Test(arguments: reports)
    func byteLevelLineMatchesTheEncoderLine(_ report: RecordReport) throws {
        #expect(report.jsonLine == (try Printer.jsonLine(report)))
    }
}
