import Foundation
import KafkaRESTAPI
import KafkaRESTSupport

/// A type coded with every helper of KafkaRESTSupport, including those no generated type uses
/// today (required and optional date-times, required nullables), so the decoder fuzzer reaches
/// all of them.
struct SupportTypesFuzzProbe: Codable, Sendable, Hashable {
    var at: Date
    var since: Date?
    var until: Date?
    var expires: Nullable<Date>?
    var note: String?
    var count: Nullable<Int64>?
    var payload: Base64Data
    var chunks: [Nullable<Base64Data>]?
    var extra: [String: JSONValue]?
    var operation: AclOperation?
    var resource: AclResourceType?

    enum CodingKeys: String, CodingKey {
        case at, since, until, expires, note, count, payload, chunks, extra, operation, resource
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        at = try container.decodeDateTime(forKey: .at)
        since = try container.decodeDateTimeIfPresent(forKey: .since)
        until = try container.decodeNullableDateTime(forKey: .until)
        expires = try container.decodeNullableDateTimeIfPresent(forKey: .expires)
        note = try container.decodeNullable(String.self, forKey: .note)
        count = try container.decodeNullableIfPresent(Int64.self, forKey: .count)
        payload = try container.decode(Base64Data.self, forKey: .payload)
        chunks = try container.decodeIfPresent([Nullable<Base64Data>].self, forKey: .chunks)
        extra = try container.decodeIfPresent([String: JSONValue].self, forKey: .extra)
        operation = try container.decodeIfPresent(AclOperation.self, forKey: .operation)
        resource = try container.decodeIfPresent(AclResourceType.self, forKey: .resource)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeDateTime(at, forKey: .at)
        try container.encodeDateTimeIfPresent(since, forKey: .since)
        try container.encodeNullableDateTime(until, forKey: .until)
        try container.encodeNullableDateTimeIfPresent(expires, forKey: .expires)
        try container.encodeNullable(note, forKey: .note)
        try container.encodeNullableIfPresent(count, forKey: .count)
        try container.encode(payload, forKey: .payload)
        try container.encodeIfPresent(chunks, forKey: .chunks)
        try container.encodeIfPresent(extra, forKey: .extra)
        try container.encodeIfPresent(operation, forKey: .operation)
        try container.encodeIfPresent(resource, forKey: .resource)
    }

    /// The JSON the probe reads, for the fuzzer's sampler.
    static let descriptor: SchemaDescriptor = {
        func property(_ name: String, _ schema: SchemaDescriptor) -> SchemaDescriptor.Property {
            SchemaDescriptor.Property(name: name, schema: schema)
        }
        let dateTime = SchemaDescriptor(type: "string", format: "date-time")
        let nullableDateTime = SchemaDescriptor(type: "string", format: "date-time", nullable: true)
        let bytes = SchemaDescriptor(type: "string", format: "byte")
        return SchemaDescriptor(
            type: "object",
            properties: [
                property("at", dateTime),
                property("since", dateTime),
                property("until", nullableDateTime),
                property("expires", nullableDateTime),
                property("note", SchemaDescriptor(type: "string", nullable: true)),
                property("count", SchemaDescriptor(type: "integer", format: "int64", nullable: true)),
                property("payload", bytes),
                property("chunks", SchemaDescriptor(type: "array", items: SchemaDescriptor(type: "string", format: "byte", nullable: true))),
                property("extra", SchemaDescriptor(type: "object", additionalProperties: SchemaDescriptor(nullable: true))),
                property("operation", SchemaDescriptor(ref: "AclOperation")),
                property("resource", SchemaDescriptor(ref: "AclResourceType")),
            ],
            required: ["at", "until", "note", "payload"]
        )
    }()
}

extension SupportTypesFuzzProbe: JSONReadable, JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("\"at\":", at)
        if let since { writer.field("\"since\":", since) }
        writer.field("\"until\":", until)
        if let expires { writer.field("\"expires\":", expires) }
        writer.field("\"note\":", note)
        if let count { writer.field("\"count\":", count) }
        writer.field("\"payload\":", payload)
        if let chunks { writer.field("\"chunks\":", chunks) }
        if let extra { writer.field("\"extra\":", extra) }
        if let operation { writer.field("\"operation\":", operation) }
        if let resource { writer.field("\"resource\":", resource) }
        writer.endObject()
    }

    init(json reader: inout JSONReader) throws {
        var at: Date?, since: Date??, until: Date??, expires: Nullable<Date>?, note: String??, count: Nullable<Int64>?
        var payload: Base64Data?, chunks: [Nullable<Base64Data>]??, extra: [String: JSONValue]??
        var operation: AclOperation??, resource: AclResourceType??
        try reader.beginObject()
        while try reader.nextField() {
            if reader.fieldIs("at"), at == nil {
                at = try reader.decode(Date.self, at: "at")
            } else if reader.fieldIs("since"), since == nil {
                since = try reader.decode(Date?.self, at: "since")
            } else if reader.fieldIs("until"), until == nil {
                until = try reader.decode(Date?.self, at: "until")
            } else if reader.fieldIs("expires"), expires == nil {
                expires = try reader.decode(Nullable<Date>.self, at: "expires")
            } else if reader.fieldIs("note"), note == nil {
                note = try reader.decode(String?.self, at: "note")
            } else if reader.fieldIs("count"), count == nil {
                count = try reader.decode(Nullable<Int64>.self, at: "count")
            } else if reader.fieldIs("payload"), payload == nil {
                payload = try reader.decode(Base64Data.self, at: "payload")
            } else if reader.fieldIs("chunks"), chunks == nil {
                chunks = try reader.decode([Nullable<Base64Data>]?.self, at: "chunks")
            } else if reader.fieldIs("extra"), extra == nil {
                extra = try reader.decode([String: JSONValue]?.self, at: "extra")
            } else if reader.fieldIs("operation"), operation == nil {
                operation = try reader.decode(AclOperation?.self, at: "operation")
            } else if reader.fieldIs("resource"), resource == nil {
                resource = try reader.decode(AclResourceType?.self, at: "resource")
            } else {
                try reader.skipValue()
            }
        }
        self.at = try reader.required(at, "at")
        self.since = since ?? nil
        self.until = try reader.required(until, "until")
        self.expires = expires
        self.note = try reader.required(note, "note")
        self.count = count
        self.payload = try reader.required(payload, "payload")
        self.chunks = chunks ?? nil
        self.extra = extra ?? nil
        self.operation = operation ?? nil
        self.resource = resource ?? nil
    }
}
