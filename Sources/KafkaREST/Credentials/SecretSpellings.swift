import Foundation

/// The forms in which a secret may come back in text a server or tool writes.
public enum SecretSpellings {
    /// The fewest characters a secret needs to be replaced in text on its own. A shorter one
    /// (such as `--api-secret 1`) cannot be removed meaningfully: replacing it would rewrite
    /// offsets, counts and names in ordinary text.
    public static let minimumLength = 8

    /// `secret` as written, inside a JSON string (with and without `\/` for `/`), and
    /// percent-encoded (every byte but `A–Z a–z 0–9 - . _ ~`) with upper- and lower-case hex
    /// digits; each spelling once, in that order.
    public static func of(_ secret: String) -> [String] {
        var spellings = [secret]
        for formatting in [JSONEncoder.OutputFormatting(), .withoutEscapingSlashes] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = formatting
            if let data = try? encoder.encode(secret) {
                spellings.append(String(decoding: data.dropFirst().dropLast(), as: UTF8.self))
            }
        }
        let encoded = PathSegment.encode(secret)
        spellings.append(encoded)
        spellings.append(lowerCasingPercentEscapes(encoded))
        var unique: [String] = []
        for spelling in spellings where !unique.contains(spelling) {
            unique.append(spelling)
        }
        return unique
    }

    /// `encoded` with the hex digits after each `%` in lower case.
    private static func lowerCasingPercentEscapes(_ encoded: String) -> String {
        var result = ""
        var digitsLeft = 0
        for character in encoded {
            if character == "%" {
                digitsLeft = 2
                result.append(character)
            } else if digitsLeft > 0 {
                digitsLeft -= 1
                result += character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
