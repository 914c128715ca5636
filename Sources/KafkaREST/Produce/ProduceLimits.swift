/// The produce limits of a Kafka REST endpoint, so a producer can pace itself instead of
/// running into 429s, and reject records the server would refuse as too large.
///
/// The presets follow Confluent Cloud's published Kafka REST produce limits per cluster type
/// (planning figures, which Confluent may change). They apply per cluster: producers sharing
/// a cluster should split the rates between them with ``custom(connectionRequestsPerSecond:streamedRecordsPerSecond:maxMessageBytes:)``.
public struct ProduceLimits: Sendable, Hashable {
    /// Most new produce requests (connections, stream opens) per second; `nil` for no pacing.
    public var connectionRequestsPerSecond: Double?
    /// Most records per second written to streams; `nil` for no pacing.
    public var streamedRecordsPerSecond: Double?
    /// Largest accepted record, measured as its encoded JSON request object, in bytes; `nil`
    /// for no check.
    public var maxMessageBytes: Int?

    /// Creates limits; `nil` leaves a dimension unchecked.
    public init(connectionRequestsPerSecond: Double?, streamedRecordsPerSecond: Double?, maxMessageBytes: Int?) {
        self.connectionRequestsPerSecond = connectionRequestsPerSecond
        self.streamedRecordsPerSecond = streamedRecordsPerSecond
        self.maxMessageBytes = maxMessageBytes
    }

    /// One mebibyte, the unit of Confluent Cloud's message size limits.
    private static let mebibyte = 1_048_576

    /// No pacing and no size check, for self-managed servers without limits and for tests.
    public static let unlimited = ProduceLimits(connectionRequestsPerSecond: nil, streamedRecordsPerSecond: nil, maxMessageBytes: nil)

    /// Confluent Cloud Basic: 25 connection requests/s, 1,000 streamed records/s, 8 MB messages.
    public static let basic = ProduceLimits(connectionRequestsPerSecond: 25, streamedRecordsPerSecond: 1_000, maxMessageBytes: 8 * mebibyte)

    /// Confluent Cloud Standard: 25 connection requests/s, 1,000 streamed records/s, 8 MB messages.
    public static let standard = ProduceLimits(connectionRequestsPerSecond: 25, streamedRecordsPerSecond: 1_000, maxMessageBytes: 8 * mebibyte)

    /// Confluent Cloud Enterprise: 25 connection requests/s, 1,000 streamed records/s, 8 MB messages.
    public static let enterprise = ProduceLimits(connectionRequestsPerSecond: 25, streamedRecordsPerSecond: 1_000, maxMessageBytes: 8 * mebibyte)

    /// Confluent Cloud Freight: 25 connection requests/s, 1,000 streamed records/s, 8 MB messages.
    public static let freight = ProduceLimits(connectionRequestsPerSecond: 25, streamedRecordsPerSecond: 1_000, maxMessageBytes: 8 * mebibyte)

    /// Confluent Cloud Dedicated with `ckus` CKUs: 300 connection requests/s and 3,000
    /// streamed records/s per CKU (45,600 and 456,000 at 152 CKUs), 20 MB messages.
    ///
    /// - Precondition: `ckus` is at least 1.
    public static func dedicated(ckus: Int) -> ProduceLimits {
        precondition(ckus >= 1, "a Dedicated cluster has at least 1 CKU, not \(ckus)")
        return ProduceLimits(
            connectionRequestsPerSecond: 300 * Double(ckus),
            streamedRecordsPerSecond: 3_000 * Double(ckus),
            maxMessageBytes: 20 * mebibyte
        )
    }

    /// Limits of your own, such as a share of a cluster's limits or a self-managed proxy's.
    public static func custom(
        connectionRequestsPerSecond: Double? = nil,
        streamedRecordsPerSecond: Double? = nil,
        maxMessageBytes: Int? = nil
    ) -> ProduceLimits {
        ProduceLimits(
            connectionRequestsPerSecond: connectionRequestsPerSecond,
            streamedRecordsPerSecond: streamedRecordsPerSecond,
            maxMessageBytes: maxMessageBytes
        )
    }
}
