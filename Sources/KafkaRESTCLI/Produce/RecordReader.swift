import Foundation
import KafkaRESTValidation

/// Reads produce input chunk by chunk and parses its lines into records.
struct RecordReader {
    private let input: InputSource
    private let format: RecordFormat
    private let maxRecordBytes: Int
    private var splitter = NDJSONLines()
    private var ended = false

    /// Creates a reader of `input` whose lines are read as `format` says.
    init(input: InputSource, format: RecordFormat, maxRecordBytes: Int = RecordLine.defaultMaxRecordBytes) {
        self.maxRecordBytes = maxRecordBytes
        self.input = input
        self.format = format
    }

    /// The lines completed by the next chunk of input (possibly none), or `nil` at the end.
    mutating func next() async -> [RecordLine]? {
        guard !ended else { return nil }
        let chunk = await input.read()
        let lines: [(line: Int, text: Data)]
        if chunk.isEmpty {
            ended = true
            lines = splitter.finish()
        } else {
            lines = splitter.feed(chunk)
        }
        return lines.map { RecordLine(line: $0.line, text: $0.text, format: format, maxRecordBytes: maxRecordBytes) }
    }
}
