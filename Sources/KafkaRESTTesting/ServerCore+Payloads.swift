import KafkaRESTSupport

extension ServerCore {
    /// The longest record object a produce body may hold: four times Confluent Cloud's 8 MiB
    /// message limit, room for base64 and JSON escapes.
    static let maximumRecordBytes = 32 * 1_048_576

    /// The text of a payload error for a `400` message.
    static func describe(_ error: any Error) -> String {
        (error as? KafkaRESTError)?.message ?? "\(error)"
    }
}
