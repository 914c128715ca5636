import Foundation

extension APIRequest {
    /// Sets an `application/x-www-form-urlencoded` body from `value`'s members, as OpenAPI's
    /// default form style gives them: `name=value` pairs joined by `&`, in the order the value
    /// writes its members; an array of scalars repeats its name once per element; a `null` or
    /// absent member is left out; a nested object (or an array holding one) is sent as its JSON
    /// text. Names and values are percent-encoded as HTML forms encode them (letters, digits and
    /// `*-._` as they are, a space as `+`, every other byte of the UTF-8 as `%XX`).
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/encoding`` if `value` holds
    ///   a NaN or infinite number, or is not a JSON object; the body is then left unset.
    public mutating func setFormBody<T: JSONWritable>(_ value: T, contentType: String = "application/x-www-form-urlencoded", schemaName: String? = nil) throws {
        var writer = JSONWriter()
        value.writeJSON(to: &writer)
        guard !writer.wroteNonFiniteNumber, let members = try? FormMembers(jsonBytes: writer.bytes).members else {
            let what = writer.wroteNonFiniteNumber ? "it holds a NaN or infinite number" : "a form body must be an object"
            throw KafkaRESTError(
                kind: .encoding,
                operationID: operationID,
                message: "could not encode \(T.self) as a form body: \(what)",
                underlyingError: EncodingError.invalidValue(value, EncodingError.Context(codingPath: [], debugDescription: what))
            )
        }
        var form: [UInt8] = []
        for (name, member) in members {
            for text in Self.formValues(member) {
                if !form.isEmpty { form.append(UInt8(ascii: "&")) }
                Self.appendFormEncoded(name, to: &form)
                form.append(UInt8(ascii: "="))
                Self.appendFormEncoded(text, to: &form)
            }
        }
        bodySchemaName = schemaName
        body = .bytes(Data(form), contentType: contentType)
    }

    /// The texts a member is sent as: none for `null`, one per element for an array of scalars.
    private static func formValues(_ value: JSONValue) -> [String] {
        switch value {
        case .null: return []
        case let .array(items) where items.allSatisfy(\.isScalar): return items.flatMap(formValues)
        default: return [value.formText]
        }
    }

    private static func appendFormEncoded(_ text: String, to form: inout [UInt8]) {
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
                form.append(byte)
            case UInt8(ascii: " "):
                form.append(UInt8(ascii: "+"))
            default:
                form += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
    }
}

/// The members of a JSON object in the order they are written.
private struct FormMembers: JSONReadable {
    var members: [(name: String, value: JSONValue)] = []

    init(json reader: inout JSONReader) throws {
        try reader.beginObject()
        while try reader.nextField() {
            members.append((reader.fieldName(), try JSONValue(json: &reader)))
        }
    }
}

extension JSONValue {
    /// Whether this is a string, number, Boolean or `null`.
    fileprivate var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    /// The text of a form value: a string as it is, a number or Boolean as JSON writes it, an
    /// array or object as its JSON text.
    fileprivate var formText: String {
        if case let .string(text) = self { return text }
        return String(decoding: jsonBytes(), as: UTF8.self)
    }
}
