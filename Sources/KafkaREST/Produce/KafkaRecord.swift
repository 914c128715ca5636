import Foundation

/// One record to produce: an optional key and value, ordered headers, and optionally the
/// partition and timestamp to use.
///
/// ```swift
/// let record = KafkaRecord(
///     key: .string("order-1042"),
///     value: try .json(encoding: order),
///     headers: [.init(name: "trace-id", value: Data("7f3c".utf8))]
/// )
/// ```
public struct KafkaRecord: Sendable, Hashable {
    /// The record key; `nil` sends none, and the server then spreads records over partitions.
    public var key: Payload?
    /// The record value; `nil` sends none (a tombstone on compacted topics).
    public var value: Payload?
    /// The headers in the order they are sent; names may repeat.
    public var headers: [Header]
    /// The partition to write to; `nil` lets the server pick one from the key.
    public var partition: Int32?
    /// The record timestamp; `nil` lets the broker use its own time.
    public var timestamp: Date?

    /// Creates a record.
    public init(
        key: Payload? = nil,
        value: Payload? = nil,
        headers: [Header] = [],
        partition: Int32? = nil,
        timestamp: Date? = nil
    ) {
        self.key = key
        self.value = value
        self.headers = headers
        self.partition = partition
        self.timestamp = timestamp
    }
}

extension KafkaRecord {
    /// One record header: a name and raw bytes, or no value at all.
    public struct Header: Sendable, Hashable {
        /// The header name.
        public var name: String
        /// The header bytes; `nil` for a header without value (sent as JSON `null`).
        public var value: Data?

        /// Creates a header with raw bytes, or without value.
        public init(name: String, value: Data?) {
            self.name = name
            self.value = value
        }

        /// Creates a header whose value is the UTF-8 bytes of `value`.
        public init(name: String, string value: String) {
            self.name = name
            self.value = Data(value.utf8)
        }
    }
}
