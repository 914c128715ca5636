import KafkaREST

/// What became of one input line, as a JSON line on standard output (`--output json`) or a
/// message on standard error (table output, failures only).
struct RecordReport: Encodable, Sendable {
    /// The 1-based input line (or argument) number.
    var line: Int
    /// `delivered`, `failed` or `unknown`; `checked` for a record a dry run accepted.
    var status: String
    /// The partition Kafka wrote the record to.
    var partition: Int32?
    /// The record's offset in its partition.
    var offset: Int64?
    /// The server's error code of a failed record.
    var errorCode: Int?
    /// Why the record failed or its fate is unknown.
    var message: String?

    enum CodingKeys: String, CodingKey {
        case line, status, partition, offset, message
        case errorCode = "error_code"
    }

    /// The report of a record's outcome.
    init(line: Int, outcome: RecordOutcome) {
        self.line = line
        switch outcome {
        case .delivered(let report):
            status = "delivered"
            partition = report.partition
            offset = report.offset
        case .failed(let error):
            status = "failed"
            errorCode = error.errorCode
            message = error.message
        case .unknown(let reason):
            status = "unknown"
            message = reason
        }
    }

    /// The report of a record the server accepted with `dry_run=true`, with where it would
    /// have gone if the server said so.
    init(line: Int, checkedPartition partition: Int32?, offset: Int64?) {
        self.line = line
        status = "checked"
        self.partition = partition
        self.offset = offset
    }

    /// The report of an input line that is not a record.
    init(line: Int, invalidInput message: String) {
        self.line = line
        status = "failed"
        self.message = "invalid input: \(message)"
    }

    /// The JSON line: members in sorted order, as ``Printer/jsonLine(_:)`` writes them, with
    /// the byte-level writer.
    var jsonLine: String {
        var writer = JSONWriter(reservingCapacity: 96)
        writeJSON(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Appends ``jsonLine``'s object (without a newline) to `writer`.
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        if let errorCode { writer.field("\"error_code\":", errorCode) }
        writer.field("\"line\":", line)
        if let message { writer.field("\"message\":", message) }
        if let offset { writer.field("\"offset\":", offset) }
        if let partition { writer.field("\"partition\":", partition) }
        writer.field("\"status\":", status)
        writer.endObject()
    }

    /// One line for a person, such as `line 3: failed (error_code 40403): Topic not found.`.
    var text: String {
        let code = errorCode.map { " (error_code \($0))" } ?? ""
        return "line \(line): \(status)\(code): \(message ?? "")"
    }
}
