import Foundation
import KafkaRESTSupport

/// One delivery report as the produce paths read it: only the members that decide the
/// record's ``RecordOutcome``.
///
/// It is read straight from the bytes: `cluster_id`, `topic_name` and unknown members are
/// checked or skipped without being built, and `key` and `value` keep only their sizes. It
/// accepts and refuses the same documents as ``ProduceResponse`` (a test holds the two to
/// that), so a report ``ProduceResponse`` cannot read still ends a stream.
struct OutcomeReport: Sendable {
    var errorCode: Int32
    var message: String?
    var partition: Int32?
    var offset: Int64?
    var timestamp: Date?
    var keySize: Int64?
    var valueSize: Int64?

    /// The members of `response` that decide the outcome.
    init(_ response: ProduceResponse) {
        errorCode = response.errorCode
        message = response.message
        partition = response.partitionID
        offset = response.offset
        timestamp = response.timestamp?.value
        keySize = response.key?.value?.size
        valueSize = response.value?.value?.size
    }

    /// The outcome this delivery report describes.
    ///
    /// `error_code` 200 with a partition and offset is ``RecordOutcome/delivered(_:)``; 200
    /// without them is ``RecordOutcome/unknown(reason:)`` (the server claims success but does
    /// not say where). Any other code is ``RecordOutcome/failed(_:)`` with an ``KafkaRESTError/Kind/http``
    /// error carrying the code, the HTTP status it stands for (429 for 429, 404 for 40403) and
    /// the server's message.
    var outcome: RecordOutcome {
        guard errorCode == 200 else {
            return .failed(failure)
        }
        guard let partition, let offset else {
            return .unknown(reason: "the server reported success (error_code 200) without partition_id and offset")
        }
        return .delivered(DeliveryReport(partition: partition, offset: offset, timestamp: timestamp, keySize: keySize, valueSize: valueSize))
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

extension OutcomeReport: JSONReadable {
    /// Reads a delivery report; as ``ProduceResponse``'s reader, the first of repeated members
    /// counts and unknown members are skipped.
    init(json reader: inout JSONReader) throws {
        var errorCode: Int32?
        var message: String??
        var partition: Int32??
        var offset: Int64??
        var timestamp: Nullable<Date>?
        var key: Nullable<ReportedSize>?
        var value: Nullable<ReportedSize>?
        var sawCluster = false
        var sawTopic = false
        try reader.beginObject()
        while try reader.nextField() {
            if reader.fieldIs("error_code"), errorCode == nil {
                errorCode = try reader.decode(Int32.self, at: "error_code")
            } else if reader.fieldIs("partition_id"), partition == nil {
                partition = try reader.decode(Int32?.self, at: "partition_id")
            } else if reader.fieldIs("offset"), offset == nil {
                offset = try reader.decode(Int64?.self, at: "offset")
            } else if reader.fieldIs("cluster_id"), !sawCluster {
                sawCluster = true
                _ = try reader.decode(SkippedString.self, at: "cluster_id")
            } else if reader.fieldIs("topic_name"), !sawTopic {
                sawTopic = true
                _ = try reader.decode(SkippedString.self, at: "topic_name")
            } else if reader.fieldIs("timestamp"), timestamp == nil {
                timestamp = try reader.decode(Nullable<Date>.self, at: "timestamp")
            } else if reader.fieldIs("value"), value == nil {
                value = try reader.decode(Nullable<ReportedSize>.self, at: "value")
            } else if reader.fieldIs("key"), key == nil {
                key = try reader.decode(Nullable<ReportedSize>.self, at: "key")
            } else if reader.fieldIs("message"), message == nil {
                message = try reader.decode(String?.self, at: "message")
            } else {
                try reader.skipValue()
            }
        }
        self.errorCode = try reader.required(errorCode, "error_code")
        self.message = message ?? nil
        self.partition = partition ?? nil
        self.offset = offset ?? nil
        self.timestamp = timestamp?.value
        keySize = key?.value?.size
        valueSize = value?.value?.size
    }
}

/// A string or `null`, checked as ``ProduceResponse`` checks it, without making a `String`.
private struct SkippedString: JSONReadable {
    init(json reader: inout JSONReader) throws {
        if try reader.nextIsNull() {
            try reader.readNull()
        } else {
            try reader.withStringBytes { _ in }
        }
    }
}

/// A report's `key` or `value`, checked as ``ProduceResponseData`` checks it, keeping only its
/// `size`.
private struct ReportedSize: JSONReadable {
    var size: Int64

    init(json reader: inout JSONReader) throws {
        var size: Int64?
        var sawType = false
        var sawSubject = false
        var sawSchemaID = false
        var sawSchemaVersion = false
        try reader.beginObject()
        while try reader.nextField() {
            if reader.fieldIs("size"), size == nil {
                size = try reader.decode(Int64.self, at: "size")
            } else if reader.fieldIs("type"), !sawType {
                sawType = true
                _ = try reader.decode(SkippedString.self, at: "type")
            } else if reader.fieldIs("subject"), !sawSubject {
                sawSubject = true
                _ = try reader.decode(SkippedString.self, at: "subject")
            } else if reader.fieldIs("schema_id"), !sawSchemaID {
                sawSchemaID = true
                _ = try reader.decode(Int?.self, at: "schema_id")
            } else if reader.fieldIs("schema_version"), !sawSchemaVersion {
                sawSchemaVersion = true
                _ = try reader.decode(Int?.self, at: "schema_version")
            } else {
                try reader.skipValue()
            }
        }
        self.size = try reader.required(size, "size")
        _ = try reader.required(sawType ? () : nil, "type")
    }
}
