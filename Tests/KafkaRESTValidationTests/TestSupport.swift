import Foundation
import KafkaRESTSupport
import KafkaRESTValidation

/// Parses JSON text written in a test.
func json(_ text: String) -> JSONValue {
    do {
        return try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    } catch {
        preconditionFailure("test JSON does not parse: \(error)\n\(text)")
    }
}

/// The violations of JSON text against `schema` with `validator`, as description lines.
func lines(_ text: String, _ schema: String, _ validator: SchemaValidator = SchemaValidator()) -> [String] {
    validator.validate(json: Data(text.utf8), against: schema).map(\.description)
}

extension JSONValue {
    /// The value an RFC 6901 pointer points at, or `nil` if there is none.
    func resolve(_ pointer: String) -> JSONValue? {
        guard !pointer.isEmpty else { return self }
        guard pointer.hasPrefix("/") else { return nil }
        var current = self
        for token in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch current {
            case .object(let members):
                guard let next = members[key] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(key), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}
