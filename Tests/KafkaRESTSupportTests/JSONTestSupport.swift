import Foundation

/// Encodes `value` as compact JSON with sorted keys and unescaped slashes.
func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// Decodes `T` from JSON text.
func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(text.utf8))
}

/// The coding path of a `DecodingError` as strings, with the missing key of `keyNotFound` appended.
func codingPath(of error: DecodingError) -> [String] {
    switch error {
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
        context.codingPath.map(\.stringValue)
    case .keyNotFound(let key, let context):
        (context.codingPath + [key]).map(\.stringValue)
    @unknown default:
        []
    }
}

/// The debug description of a `DecodingError`'s context.
func debugDescription(of error: DecodingError) -> String {
    switch error {
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
         .dataCorrupted(let context):
        context.debugDescription
    @unknown default:
        ""
    }
}
