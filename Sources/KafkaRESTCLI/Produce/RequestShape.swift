import KafkaREST

/// Whether a line is a ProduceRequest-shaped object (only the keys `key`, `value`, `headers`,
/// `partition_id` and `timestamp`, with `key` or `value` among them), found by reading its
/// member names and skipping their values, without building the value.
struct RequestShape: JSONReadable {
    /// Whether the object has the shape.
    let matches: Bool

    init(json reader: inout JSONReader) throws {
        try reader.beginObject()
        var onlyRequestKeys = true
        var hasPayload = false
        while try reader.nextField() {
            if reader.fieldIs("key") || reader.fieldIs("value") {
                hasPayload = true
            } else if !(reader.fieldIs("headers") || reader.fieldIs("partition_id") || reader.fieldIs("timestamp")) {
                onlyRequestKeys = false
            }
            try reader.skipValue()
        }
        matches = onlyRequestKeys && hasPayload
    }
}
