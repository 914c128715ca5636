/// How the test server misbehaves on one streamed produce request; see
/// ``KafkaRESTTestServer/setStreamFaults(_:)-(StreamFaults)``.
///
/// A streamed produce request is a `POST …/topics/{topic_name}/records` sent with
/// `Transfer-Encoding: chunked`. The server answers 200 at once and writes one delivery report
/// per record as each record arrives. Counting the stream's records from 0:
///
/// - a record for which ``recordError`` returns an error is not stored and gets a report with
///   that error code (429, 400, 500, …);
/// - from record ``tooLongAfterRecords`` on, every record gets a 408 report and is not
///   stored, as Confluent answers a stream that has been open too long; the stream stays
///   open until the client ends its body;
/// - after record ``closeAfterRecords`` − 1 has been handled, the connection is closed
///   without ending the response. The last ``withheldReports`` of those records are handled
///   (stored, if nothing else applies) but their reports are never sent, so the client cannot
///   tell whether they were written;
/// - each record waits ``recordDelay`` before it is handled, one after another, so records
///   pile up in flight as behind a slow broker.
///
/// ```swift
/// server.setStreamFaults { stream in
///     stream == 0 ? StreamFaults(closeAfterRecords: 5, withheldReports: 2) : .none
/// }
/// ```
public struct StreamFaults: Sendable {
    /// Where a record is among the records the server received on streams.
    public struct RecordPosition: Sendable, Hashable {
        /// The stream's number: 0 for the first stream the server accepted, then 1, ….
        public var stream: Int
        /// The record's position in its stream, from 0.
        public var index: Int
        /// The record's position among every record received on any stream, from 0.
        public var sequence: Int

        /// Creates a position.
        public init(stream: Int, index: Int, sequence: Int) {
            self.stream = stream
            self.index = index
            self.sequence = sequence
        }
    }

    /// A per-record error: the report's `error_code` and `message`.
    public struct RecordError: Sendable, Hashable {
        /// The `error_code`, such as 429 or 500.
        public var code: Int
        /// The `message`.
        public var message: String

        /// Creates a per-record error; the message defaults to one naming the code.
        public init(code: Int, message: String? = nil) {
            self.code = code
            self.message = message ?? "The test server rejected this record with error code \(code)."
        }
    }

    /// The error a record gets instead of being stored, or `nil` to handle it normally.
    public var recordError: @Sendable (RecordPosition) -> RecordError?
    /// The number of records after which the connection is closed mid-stream; `nil` never, 0
    /// right after the 200 head.
    public var closeAfterRecords: Int?
    /// How many of the last records before ``closeAfterRecords`` are handled but not reported.
    public var withheldReports: Int
    /// The number of records after which every record gets 408; `nil` never.
    public var tooLongAfterRecords: Int?
    /// How long each record waits before it is handled.
    public var recordDelay: Duration

    /// Creates stream faults; by default the stream behaves normally.
    public init(
        recordError: @escaping @Sendable (RecordPosition) -> RecordError? = { _ in nil },
        closeAfterRecords: Int? = nil,
        withheldReports: Int = 0,
        tooLongAfterRecords: Int? = nil,
        recordDelay: Duration = .zero
    ) {
        self.recordError = recordError
        self.closeAfterRecords = closeAfterRecords
        self.withheldReports = withheldReports
        self.tooLongAfterRecords = tooLongAfterRecords
        self.recordDelay = recordDelay
    }

    /// A normal stream.
    public static let none = StreamFaults()

    /// Every `every`-th record of each stream (indices `every − 1`, `2·every − 1`, …) gets `code`.
    public static func recordError(code: Int, every: Int) -> StreamFaults {
        precondition(every >= 1, "every must be at least 1, not \(every)")
        return StreamFaults(recordError: { $0.index % every == every - 1 ? RecordError(code: code) : nil })
    }

    /// The records for which `predicate` holds get `code`.
    public static func recordError(code: Int, where predicate: @escaping @Sendable (RecordPosition) -> Bool) -> StreamFaults {
        StreamFaults(recordError: { predicate($0) ? RecordError(code: code) : nil })
    }

    /// The connection is closed after `records` records, the last `withholding` of them unreported.
    public static func closeStream(afterRecords records: Int, withholding: Int = 0) -> StreamFaults {
        StreamFaults(closeAfterRecords: records, withheldReports: withholding)
    }

    /// Records from index `records` on get 408, as on a stream open too long.
    public static func streamTooLong(afterRecords records: Int) -> StreamFaults {
        StreamFaults(tooLongAfterRecords: records)
    }

    /// Each record waits `delay` before it is handled.
    public static func recordDelay(_ delay: Duration) -> StreamFaults {
        StreamFaults(recordDelay: delay)
    }
}
