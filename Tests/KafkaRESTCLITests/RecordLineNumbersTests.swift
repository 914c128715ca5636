@testable import KafkaRESTCLI
import Testing

@Suite("produce: input line of each record")
struct RecordLineNumbersTests {
    @Test("records keep their lines across invalid lines and batches")
    func linesAcrossGaps() {
        // Lines 1-3 records, 4-5 not, 6 record, 7 not, 8-10 records.
        let recordLines = [1, 2, 3, 6, 8, 9, 10]
        var numbers = RecordLineNumbers()
        for (index, line) in recordLines.enumerated() {
            numbers.record(index, isOnLine: line)
        }
        #expect(recordLines.indices.map { numbers.line(ofRecord: $0) } == recordLines)
    }

    @Test("with no gap every record is on line index + 1, also before anything is recorded")
    func noGaps() {
        var numbers = RecordLineNumbers()
        #expect(numbers.line(ofRecord: 0) == 1)
        for index in 0..<1_000 {
            numbers.record(index, isOnLine: index + 1)
        }
        #expect(numbers.line(ofRecord: 0) == 1)
        #expect(numbers.line(ofRecord: 999) == 1_000)
    }

    @Test("a first record past line 1 shifts every later one")
    func startsLater() {
        var numbers = RecordLineNumbers()
        numbers.record(0, isOnLine: 5)
        numbers.record(1, isOnLine: 6)
        numbers.record(2, isOnLine: 20)
        #expect([0, 1, 2].map { numbers.line(ofRecord: $0) } == [5, 6, 20])
    }
}
