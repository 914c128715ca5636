import Foundation
import OpenAPIRuntime
import PeerAPI

/// apple/swift-openapi-generator's types for the two payloads.
typealias PeerProduceRequest = Components.Schemas.ProduceRequest
typealias PeerProduceResponse = Components.Schemas.ProduceResponse

extension RequestSummary {
    /// The summary of the peer's decoded request.
    init(_ request: PeerProduceRequest) {
        var keyBytes: Data?
        if let base64 = request.key?.data?.value as? String {
            keyBytes = Data(base64Encoded: base64)
        }
        self.init(
            headers: (request.headers ?? []).map { HeaderSummary(name: $0.name, value: $0.value.map { Data($0.data) }) },
            keyType: request.key?._type,
            keyBytes: keyBytes,
            valueType: request.value?._type,
            valueJSON: request.value?.data.flatMap(canonicalJSON),
            timestampMilliseconds: request.timestamp.map(milliseconds)
        )
    }
}

extension ResponseSummary {
    /// The summary of the peer's decoded response.
    init(_ response: PeerProduceResponse) {
        self.init(
            errorCode: response.errorCode,
            clusterID: response.clusterId,
            topicName: response.topicName,
            partitionID: response.partitionId,
            offset: response.offset,
            timestampMilliseconds: response.timestamp.map(milliseconds),
            keySize: response.key?.size,
            keyType: response.key?._type,
            valueSize: response.value?.size,
            valueType: response.value?._type
        )
    }
}

extension Side {
    /// The peer's `Components.Schemas` types with `coders`.
    static func peer(_ name: String, coders: Coders) throws -> Side {
        Side(
            name: name,
            request: try Codec(PeerProduceRequest.self, payload: Payloads.produceRequest, coders: coders, summary: RequestSummary.init),
            response: try Codec(PeerProduceResponse.self, payload: Payloads.produceResponse, coders: coders, summary: ResponseSummary.init)
        )
    }
}

/// Whether the peer decodes the shared response, whose timestamp has milliseconds, with the
/// date transcoder `Configuration()` picks (`.iso8601`).
func peerDefaultTranscoderAcceptsMilliseconds() -> Bool {
    (try? Coders.peerISO8601.decoder.decode(PeerProduceResponse.self, from: Payloads.produceResponse)) != nil
}

/// The peer's date-time coding alone: the `.iso8601WithFractionalSeconds` transcoder formats
/// `Payloads.timestamp` and parses the result, as its coders do for `format: date-time`.
func peerTimestampRoundTrip(_ transcoder: any DateTranscoder) throws -> Int {
    let string = try transcoder.encode(Payloads.timestamp)
    guard milliseconds(try transcoder.decode(string)) == Payloads.expectedMilliseconds else {
        throw EquivalenceFailed(check: "ISO8601DateTranscoder round trip", expected: "\(Payloads.timestamp)", actual: string)
    }
    return string.utf8.count
}
