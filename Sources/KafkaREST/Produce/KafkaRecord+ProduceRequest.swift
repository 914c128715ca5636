import Foundation

extension KafkaRecord {
    /// The record as the generated request body: absent key, value, partition and timestamp
    /// are left out, header values are base64-encoded and a header without value is `null`.
    public var produceRequest: ProduceRequest {
        ProduceRequest(
            partitionID: partition.map { .value($0) },
            headers: headers.isEmpty ? nil : headers.map { header in
                ProduceRequestHeader(name: header.name, value: Nullable(header.value.map(Base64Data.init)))
            },
            key: key.map { .value($0.requestData) },
            value: value.map { .value($0.requestData) },
            timestamp: timestamp.map { .value($0) }
        )
    }

    /// Checks that the record can be sent: a schema-based key or value must select its schema
    /// in a way the API accepts.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest`` naming the
    ///   part (`key` or `value`) and the field, such as `value: schema_version must be 1 or more, not 0`.
    public func validate() throws {
        if let problem = key?.problem { throw Self.invalid("key", problem) }
        if let problem = value?.problem { throw Self.invalid("value", problem) }
    }

    /// The error of a record whose `part` (`key` or `value`) cannot be sent because of `problem`.
    private static func invalid(_ part: String, _ problem: String) -> KafkaRESTError {
        KafkaRESTError(kind: .invalidRequest, operationID: ProduceOperation.id, message: "\(part): \(problem); the record was not sent")
    }

    /// The record in the `records:batch` form, tagged with `id`.
    func batchEntry(id: String) -> ProduceBatchRequestEntry {
        let request = produceRequest
        return ProduceBatchRequestEntry(
            id: id,
            partitionID: request.partitionID,
            headers: request.headers,
            key: request.key,
            value: request.value,
            timestamp: request.timestamp
        )
    }
}
