/// The raw client's records, encoded before it connects: what the streaming producer sends
/// for the library modes' record (see ProduceModes.swift),
/// `{"value":{"type":"STRING","data":"value-<i>"}}` and a newline each, back to back.
struct RawRecords {
    /// Every record's bytes in order.
    let bytes: [UInt8]
    /// Where each record ends in ``bytes``.
    let ends: [Int]

    init(count: Int) {
        let prefix = Array(#"{"value":{"type":"STRING","data":"value-"#.utf8)
        let suffix = Array(#""}}"#.utf8) + [UInt8(ascii: "\n")]
        var bytes: [UInt8] = []
        var ends: [Int] = []
        bytes.reserveCapacity(count * (prefix.count + suffix.count + 7))
        ends.reserveCapacity(count)
        for index in 0..<count {
            bytes.append(contentsOf: prefix)
            bytes.append(contentsOf: String(index).utf8)
            bytes.append(contentsOf: suffix)
            ends.append(bytes.count)
        }
        self.bytes = bytes
        self.ends = ends
    }

    /// The byte range of records `records`.
    func byteRange(_ records: Range<Int>) -> Range<Int> {
        (records.lowerBound == 0 ? 0 : ends[records.lowerBound - 1])..<ends[records.upperBound - 1]
    }
}
