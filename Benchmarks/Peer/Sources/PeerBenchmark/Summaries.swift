import Foundation

/// A decoded header: its name and value bytes.
struct HeaderSummary: Equatable {
    var name: String
    var value: Data?
}

/// What a decoded `ProduceRequest` holds, in terms both sides can be compared in.
struct RequestSummary: Equatable {
    var headers: [HeaderSummary]
    var keyType: String?
    /// The key's `data`, a base64 string for a BINARY key, decoded.
    var keyBytes: Data?
    var valueType: String?
    /// The value's `data` encoded with sorted keys.
    var valueJSON: String?
    var timestampMilliseconds: Int64?
}

/// What a decoded `ProduceResponse` holds, in terms both sides can be compared in.
struct ResponseSummary: Equatable {
    var errorCode: Int32
    var clusterID: String?
    var topicName: String?
    var partitionID: Int32?
    var offset: Int64?
    var timestampMilliseconds: Int64?
    var keySize: Int64?
    var keyType: String?
    var valueSize: Int64?
    var valueType: String?
}

/// `value` as JSON with sorted keys, the same whichever side's type holds it.
func canonicalJSON(_ value: some Encodable) -> String? {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
}

/// `date` in whole milliseconds since 1970, rounded to the nearest.
func milliseconds(_ date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1000).rounded())
}
