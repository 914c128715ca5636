import Foundation
import KafkaRESTSupport

extension KafkaRecord {
    /// Writes the record as a produce request object: byte for byte what ``produceRequest``
    /// writes, without building the request, its base64 strings or its payload values first.
    func writeRequestJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        if let partition {
            writer.field("\"partition_id\":", partition)
        }
        if !headers.isEmpty {
            writer.field("\"headers\":", RequestHeaders(headers: headers))
        }
        if let key {
            writer.field("\"key\":", RequestPayload(payload: key))
        }
        if let value {
            writer.field("\"value\":", RequestPayload(payload: value))
        }
        if let timestamp {
            writer.field("\"timestamp\":", timestamp)
        }
        writer.endObject()
    }
}

/// A record's headers as the request's `headers` array: base64 values, `null` for none.
private struct RequestHeaders: JSONWritable {
    let headers: [KafkaRecord.Header]

    func writeJSON(to writer: inout JSONWriter) {
        writer.beginArray()
        for header in headers {
            writer.element(RequestHeader(header: header))
        }
        writer.endArray()
    }
}

private struct RequestHeader: JSONWritable {
    let header: KafkaRecord.Header

    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("\"name\":", header.name)
        writer.field("\"value\":", Nullable(header.value.map(Base64Data.init)))
        writer.endObject()
    }
}

/// A key or value as the request's `ProduceRequestData` object, in its member order (`type`
/// first, then `data`); a schema-based payload is written through the generated type.
private struct RequestPayload: JSONWritable {
    let payload: Payload

    func writeJSON(to writer: inout JSONWriter) {
        switch payload {
        case .binary(let bytes):
            writer.append("{\"type\":\"BINARY\",\"data\":")
            Base64Data(bytes).writeJSON(to: &writer)
        case .string(let text):
            writer.append("{\"type\":\"STRING\",\"data\":")
            text.writeJSON(to: &writer)
        case .json(let value):
            writer.append("{\"type\":\"JSON\",\"data\":")
            value.writeJSON(to: &writer)
        case .avro, .jsonSchema, .protobuf:
            payload.requestData.writeJSON(to: &writer)
            return
        }
        writer.endObject()
    }
}
