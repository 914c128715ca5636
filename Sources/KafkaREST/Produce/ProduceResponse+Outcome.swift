extension ProduceResponse {
    /// The outcome this delivery report describes.
    ///
    /// `error_code` 200 with a partition and offset is ``RecordOutcome/delivered(_:)``; 200
    /// without them is ``RecordOutcome/unknown(reason:)`` (the server claims success but does
    /// not say where). Any other code is ``RecordOutcome/failed(_:)`` with an ``KafkaRESTError/Kind/http``
    /// error carrying the code, the HTTP status it stands for (429 for 429, 404 for 40403) and
    /// the server's message.
    public var outcome: RecordOutcome {
        guard errorCode == 200 else {
            return .failed(failure)
        }
        guard let partitionID, let offset else {
            return .unknown(reason: "the server reported success (error_code 200) without partition_id and offset")
        }
        return .delivered(DeliveryReport(
            partition: partitionID,
            offset: offset,
            timestamp: timestamp?.value,
            keySize: key?.value?.size,
            valueSize: value?.value?.size
        ))
    }

    /// The error of a report whose `error_code` is not 200.
    ///
    /// `errorCode` is the report's `error_code`; `status` is the HTTP status it stands for (the
    /// code itself when it has three digits, such as 429, or its first three digits, such as
    /// 404 for 40403), so `isRetryable` works as for whole responses.
    var failure: KafkaRESTError {
        let code = Int(errorCode)
        let status: Int? = switch code {
        case 100..<600: code
        case 10_000..<60_000: code / 100
        default: nil
        }
        return KafkaRESTError(
            kind: .http,
            operationID: ProduceOperation.id,
            status: status,
            errorCode: code,
            message: message.flatMap { $0.isEmpty ? nil : $0 } ?? "record not written (error_code \(code))"
        )
    }
}
