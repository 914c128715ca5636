import Foundation

/// Binary data sent as a standard base64 string (OpenAPI `format: byte`).
///
/// The textual and reflected descriptions show only the byte count, never the bytes, because
/// the values may be secrets or record payloads.
public struct Base64Data: Codable, Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// The decoded bytes.
    public var data: Data

    /// Wraps bytes.
    public init(_ data: Data) {
        self.data = data
    }

    /// Decodes a standard (`+/`, padded) base64 string, or returns `nil` if it is not one.
    public init?(base64Encoded string: String) {
        guard let data = Data(base64Encoded: string) else { return nil }
        self.data = data
    }

    /// Decodes a base64 string; invalid base64 throws `DecodingError.dataCorrupted` at the
    /// container's coding path (the text itself is not repeated in the error).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let data = Data(base64Encoded: string) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "String of \(string.count) characters is not valid base64"
            )
        }
        self.data = data
    }

    /// Encodes the bytes as a padded standard base64 string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(data.base64EncodedString())
    }

    /// The byte count only, for example `Base64Data(12 bytes)`.
    public var description: String {
        "Base64Data(\(data.count) \(data.count == 1 ? "byte" : "bytes"))"
    }

    /// A mirror exposing only the byte count, so `dump` does not print the bytes either.
    public var customMirror: Mirror {
        Mirror(self, children: ["count": data.count])
    }
}
