import Foundation

/// Where Kafka wrote a record: the delivery report of a successful produce.
public struct DeliveryReport: Sendable, Hashable {
    /// The partition the record was written to.
    public var partition: Int32
    /// The record's offset within ``partition``.
    public var offset: Int64
    /// The timestamp stored with the record, if the server reported one.
    public var timestamp: Date?
    /// The serialized size of the key in bytes, if the record had a key.
    public var keySize: Int64?
    /// The serialized size of the value in bytes, if the record had a value.
    public var valueSize: Int64?

    /// Creates a report.
    public init(partition: Int32, offset: Int64, timestamp: Date? = nil, keySize: Int64? = nil, valueSize: Int64? = nil) {
        self.partition = partition
        self.offset = offset
        self.timestamp = timestamp
        self.keySize = keySize
        self.valueSize = valueSize
    }
}
