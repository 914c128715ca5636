import Foundation
import KafkaREST

/// How `produce` turns input lines into records: the value's format, where keys come from,
/// and the headers and partition added to every record.
struct RecordFormat: Sendable {
    /// Where a record's key comes from when its line is not a ProduceRequest that gives one.
    enum KeySource: Sendable {
        /// No key.
        case none
        /// The same key for every record (`--key`).
        case fixed(Payload)
        /// The text before the first `delimiter` of each line, in `encoding` (`--parse-key`);
        /// the value is the text after it.
        case parsed(PayloadEncoding, delimiter: Data)
    }

    /// How a plain line (or the text after the delimiter) becomes the value.
    let value: PayloadEncoding
    /// Where keys come from.
    let key: KeySource
    /// Whether ProduceRequest-shaped lines are sent as described; only with JSON values and
    /// no parsed keys, since any other line is text in the value's (and key's) format.
    let readsRequests: Bool
    /// Headers put before the line's own headers on every record (`--header`).
    let headers: [KafkaRecord.Header]
    /// The partition of records whose line gives none (`--partition`).
    let partition: Int32?
    /// How many times longer than its line a record's JSON can be: 6 when text is sent as
    /// STRING (a control character becomes `\u00XX`), 5 otherwise (see
    /// ``RecordLine/encodedSizeBound(text:format:)``).
    let growthFactor: Int
    /// An upper bound of what a record adds to its line's text: the JSON of a record with the
    /// fixed key, the headers, the partition and empty payloads, plus 256 bytes.
    let envelopeBytes: Int

    /// Creates a format.
    ///
    /// - Parameter valuesOnly: Treat every line as a plain value, even one shaped like a
    ///   ProduceRequest (`--values`).
    init(value: PayloadEncoding = .json, key: KeySource = .none, valuesOnly: Bool = false, headers: [KafkaRecord.Header] = [], partition: Int32? = nil) {
        self.value = value
        self.key = key
        self.headers = headers
        self.partition = partition
        var envelopeKey: Payload?
        var sendsText = value.format == .string
        switch key {
        case .none:
            readsRequests = !valuesOnly && value.format == .json
        case .fixed(let payload):
            readsRequests = !valuesOnly && value.format == .json
            envelopeKey = payload
        case .parsed(let encoding, _):
            readsRequests = false
            envelopeKey = encoding.empty
            sendsText = sendsText || encoding.format == .string
        }
        growthFactor = sendsText ? 6 : 5
        let envelope = KafkaRecord(key: envelopeKey, value: value.empty, headers: headers, partition: partition)
        envelopeBytes = envelope.produceRequest.jsonBytes().count + 256
    }

    /// The key of records whose line gives none, when it is the same for all.
    var fixedKey: Payload? {
        guard case .fixed(let payload) = key else { return nil }
        return payload
    }

    /// Adds the headers before the record's own and the partition if the record has none.
    func complete(_ record: inout KafkaRecord) {
        if !headers.isEmpty {
            record.headers = headers + record.headers
        }
        if record.partition == nil {
            record.partition = partition
        }
    }
}
