import Foundation
import KafkaRESTAPI
import KafkaRESTSupport

/// A type the decoder fuzzer decodes into, with the schema that describes its JSON.
struct DecodeFuzzTarget: Sendable {
    /// The component schema name, or the support type's name.
    let name: String
    let swiftType: any (Codable & JSONReadable & JSONWritable & Sendable).Type
    let descriptor: SchemaDescriptor

    /// Every generated type of `SchemaRegistry` with its `SchemaTable` entry, plus support types
    /// that appear in no generated type on their own.
    static func all() -> [DecodeFuzzTarget] {
        let generated = SchemaRegistry.types.sorted { $0.key < $1.key }.compactMap { name, type in
            SchemaTable.schemas[name].map { DecodeFuzzTarget(name: name, swiftType: type, descriptor: $0) }
        }
        return generated + [
            DecodeFuzzTarget(name: "Base64Data", swiftType: Base64Data.self, descriptor: SchemaDescriptor(type: "string", format: "byte")),
            DecodeFuzzTarget(
                name: "Nullable<Base64Data>",
                swiftType: Nullable<Base64Data>.self,
                descriptor: SchemaDescriptor(type: "string", format: "byte", nullable: true)
            ),
            DecodeFuzzTarget(name: "SupportTypesFuzzProbe", swiftType: SupportTypesFuzzProbe.self, descriptor: SupportTypesFuzzProbe.descriptor),
        ]
    }

    /// What decoding one input gave.
    enum Outcome {
        case decoded
        case rejected
        /// A property does not hold; the text says which.
        case failed(String)
    }

    /// Decodes `input`. A rejection must be a `DecodingError`, the error every decoder of
    /// KafkaRESTSupport and the generated types documents. A decoded value must encode, decode
    /// from its own encoding to an equal value (unless the input holds a date-time that
    /// millisecond formatting changes), encode again to the same bytes, and keep every string at
    /// an open-enum place byte for byte.
    func check(_ input: Data, decoder: JSONDecoder, encoder: JSONEncoder) -> Outcome {
        guard let hashable = swiftType as? any (Codable & JSONReadable & JSONWritable & Sendable & Hashable).Type else {
            return .failed("\(swiftType) is not Hashable")
        }
        return Self.check(hashable, input, descriptor: descriptor, decoder: decoder, encoder: encoder)
    }

    private static func check<T: Codable & JSONReadable & JSONWritable & Sendable & Hashable>(
        _ type: T.Type, _ input: Data, descriptor: SchemaDescriptor, decoder: JSONDecoder, encoder: JSONEncoder
    ) -> Outcome {
        let fast = Result { try T(jsonBytes: input) }
        if case .failure(let error) = fast, !(error is JSONDecodingError) {
            return .failed("the byte-level reader threw \(Swift.type(of: error)), not JSONDecodingError: \(error)")
        }
        let value: T
        do {
            value = try decoder.decode(T.self, from: input)
        } catch is DecodingError {
            if case .success(let read) = fast {
                return .failed("JSONDecoder refused what the byte-level reader read as \(read)")
            }
            return .rejected
        } catch {
            return .failed("threw \(Swift.type(of: error)), not DecodingError: \(error)")
        }
        switch fast {
        case .failure(let error) where isValidJSON(input):
            return .failed("the byte-level reader refused what JSONDecoder read as \(value): \(error)")
        case .failure:
            return .rejected
        case .success(let read) where read != value:
            return .failed("the byte-level reader read \(read), JSONDecoder \(value)")
        case .success:
            break
        }
        if let failure = checkFastEncoding(value, input, decoder: decoder) {
            return .failed(failure)
        }
        let encoded: Data
        let again: T
        do {
            encoded = try encoder.encode(value)
        } catch {
            return .failed("decoded \(value) but cannot encode it: \(error)")
        }
        do {
            again = try decoder.decode(T.self, from: encoded)
        } catch {
            return .failed("cannot decode its own encoding \(Self.preview(encoded)): \(error)")
        }
        guard let reencoded = try? encoder.encode(again), reencoded == encoded else {
            return .failed("encoding is not stable: \(Self.preview(encoded)) decodes and encodes differently")
        }
        if value != again, !Self.holdsLossyDateTime(input) {
            return .failed("round trip changed the value: \(value) became \(again) via \(Self.preview(encoded))")
        }
        guard let original = try? decoder.decode(JSONValue.self, from: input), let output = try? decoder.decode(JSONValue.self, from: encoded) else { return .decoded }
        var openEnums: [(path: [JSONPathStep], text: String)] = []
        Self.collectOpenEnumStrings(original, descriptor, path: [], into: &openEnums)
        for (path, text) in openEnums {
            guard case .string(let written)? = output.resolve(path), Array(written.utf8) == Array(text.utf8) else {
                return .failed("open-enum value \(text.debugDescription) at \(path) is \(output.resolve(path).map { "\($0)" } ?? "gone") in \(Self.preview(encoded))")
            }
        }
        return .decoded
    }

    /// The byte-level writer's output of `value` reads back equal through both decoders, unless
    /// the input holds a date-time that millisecond formatting changes.
    private static func checkFastEncoding<T: Codable & JSONReadable & JSONWritable & Hashable>(
        _ value: T, _ input: Data, decoder: JSONDecoder
    ) -> String? {
        let written = value.jsonData()
        do {
            let viaCodable = try decoder.decode(T.self, from: written)
            let viaReader = try T(jsonBytes: written)
            if viaCodable != viaReader || (viaCodable != value && !holdsLossyDateTime(input)) {
                return "the byte-level writer's \(preview(written)) reads back as \(viaCodable) / \(viaReader), not \(value)"
            }
        } catch {
            return "the byte-level writer's \(preview(written)) does not read back: \(error)"
        }
        return nil
    }

    /// Whether `input` is one valid JSON document. `JSONDecoder` does not check every part of
    /// the members a type skips (numbers, escapes), where the byte-level reader does, and
    /// Foundation's parser accepts some invalid JSON (a trailing comma in an array), so both
    /// `JSONSerialization` and the reader's own grammar (unit-tested on its own) must accept it.
    private static func isValidJSON(_ input: Data) -> Bool {
        (try? JSONSerialization.jsonObject(with: input, options: [.fragmentsAllowed])) != nil
            && (try? JSONValue(jsonBytes: input)) != nil
    }

    /// One step of a path into a JSON value.
    enum JSONPathStep: CustomStringConvertible {
        case key(String)
        case index(Int)

        var description: String {
            switch self {
            case .key(let key): "/\(key)"
            case .index(let index): "/\(index)"
            }
        }
    }

    /// The strings of `value` at places `descriptor` makes an open enum.
    private static func collectOpenEnumStrings(
        _ value: JSONValue, _ descriptor: SchemaDescriptor, path: [JSONPathStep], into found: inout [(path: [JSONPathStep], text: String)]
    ) {
        var descriptor = descriptor
        while let ref = descriptor.ref {
            guard let target = SchemaTable.schemas[ref] else { return }
            descriptor = target
        }
        switch value {
        case .string(let text) where descriptor.extensibleEnum == true:
            found.append((path, text))
        case .array(let elements):
            guard let items = descriptor.items else { return }
            for (index, element) in elements.enumerated() {
                collectOpenEnumStrings(element, items, path: path + [.index(index)], into: &found)
            }
        case .object(let members):
            let properties = descriptor.properties ?? []
            for (key, member) in members {
                if let property = properties.first(where: { $0.name == key }) {
                    collectOpenEnumStrings(member, property.schema, path: path + [.key(key)], into: &found)
                } else if let values = descriptor.additionalProperties {
                    collectOpenEnumStrings(member, values, path: path + [.key(key)], into: &found)
                }
            }
        default:
            return
        }
    }

    /// Whether `input` holds a date-time string that formatting with milliseconds, within years
    /// 0001–9999, changes: the one documented loss of a round trip. The text between quotes is
    /// scanned rather than parsed, because `JSONDecoder` does not check the members a type skips,
    /// so a decoded input need not be valid JSON.
    private static func holdsLossyDateTime(_ input: Data) -> Bool {
        input.split(separator: UInt8(ascii: "\""), omittingEmptySubsequences: false).contains { segment in
            guard (19...80).contains(segment.count), let date = DateTimeCoding.date(from: String(decoding: segment, as: UTF8.self)) else {
                return false
            }
            return DateTimeCoding.date(from: DateTimeCoding.string(from: date)) != date
        }
    }

    private static func preview(_ data: Data) -> String {
        let text = String(decoding: data.prefix(300), as: UTF8.self)
        return data.count > 300 ? text + "…" : text
    }
}

extension JSONValue {
    /// The value at `path`, if every step exists.
    func resolve(_ path: [DecodeFuzzTarget.JSONPathStep]) -> JSONValue? {
        var current = self
        for step in path {
            switch step {
            case .key(let key): guard let next = current[key] else { return nil }; current = next
            case .index(let index): guard let next = current[index] else { return nil }; current = next
            }
        }
        return current
    }
}
