import KafkaRESTSupport

/// JSON spellings the byte-level coders write verbatim.
enum JSONKeyLiteral {
    /// An object member's name as JSON, quotes and colon included: `"partition_id":`, escaped
    /// by the same ``JSONWriter`` the generated code runs on.
    static func memberPrefix(_ name: String) -> String {
        var writer = JSONWriter(reservingCapacity: name.utf8.count + 3)
        writer.writeString(name)
        writer.append(":")
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
