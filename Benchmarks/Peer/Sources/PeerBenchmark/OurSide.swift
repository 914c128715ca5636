import Foundation
import KafkaRESTAPI
import KafkaRESTSupport

extension RequestSummary {
    /// The summary of our decoded request.
    init(_ request: KafkaRESTAPI.ProduceRequest) {
        let key = request.key?.value
        var keyBytes: Data?
        if case .string(let base64)? = key?.data?.value {
            keyBytes = Data(base64Encoded: base64)
        }
        self.init(
            headers: (request.headers ?? []).map { HeaderSummary(name: $0.name, value: $0.value?.value?.data) },
            keyType: key?.type?.rawValue,
            keyBytes: keyBytes,
            valueType: request.value?.value?.type?.rawValue,
            valueJSON: request.value?.value?.data?.value.flatMap(canonicalJSON),
            timestampMilliseconds: request.timestamp?.value.map(milliseconds)
        )
    }
}

extension ResponseSummary {
    /// The summary of our decoded response.
    init(_ response: KafkaRESTAPI.ProduceResponse) {
        self.init(
            errorCode: response.errorCode,
            clusterID: response.clusterID,
            topicName: response.topicName,
            partitionID: response.partitionID,
            offset: response.offset,
            timestampMilliseconds: response.timestamp?.value.map(milliseconds),
            keySize: response.key?.value?.size,
            keyType: response.key?.value?.type?.rawValue,
            valueSize: response.value?.value?.size,
            valueType: response.value?.value?.type?.rawValue
        )
    }
}

extension Side {
    /// Our `KafkaRESTAPI` types with the coders of `APIRequest` and `APIResponse`.
    static func ours() throws -> Side {
        Side(
            name: "ours",
            request: try Codec(KafkaRESTAPI.ProduceRequest.self, payload: Payloads.produceRequest, coders: .ours, summary: RequestSummary.init),
            response: try Codec(KafkaRESTAPI.ProduceResponse.self, payload: Payloads.produceResponse, coders: .ours, summary: ResponseSummary.init)
        )
    }
}

/// Our date-time coding alone: `DateTimeCoding` formats `Payloads.timestamp` and parses the
/// result, as the generated models do for `format: date-time`.
func ourTimestampRoundTrip() throws -> Int {
    let string = DateTimeCoding.string(from: Payloads.timestamp)
    guard let date = DateTimeCoding.date(from: string), milliseconds(date) == Payloads.expectedMilliseconds else {
        throw EquivalenceFailed(check: "DateTimeCoding round trip", expected: "\(Payloads.timestamp)", actual: string)
    }
    return string.utf8.count
}
