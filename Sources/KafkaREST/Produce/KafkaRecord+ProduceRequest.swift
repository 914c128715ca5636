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
