import Foundation
import KafkaRESTSupport

/// What `SchemaTable.mustache` renders: the schema table as JSON, one schema
/// per line in name order (so a spec change shows as a small diff), inside a
/// raw string literal whose delimiter the JSON cannot close. Line terminators other than
/// `\n`, other controls and bidirectional formatting characters, which JSON may hold raw, are
/// written as `\u` escapes so every line of the literal is one line to any reader.
struct SchemaTableContext {
    var header: String
    var json: String
    var delimiter: String

    init(header: String, table: [String: SchemaDescriptor]) {
        self.header = header
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let lines = table.keys.sorted().map { name in
            let key = String(decoding: (try? encoder.encode(name)) ?? Data(), as: UTF8.self)
            let value = String(decoding: (try? encoder.encode(table[name]!)) ?? Data(), as: UTF8.self)
            return "\(key):\(value)"
        }
        json = Self.escapingInvisibleBreaks("{\n" + lines.joined(separator: ",\n") + "\n}")
        var delimiter = "#"
        while json.contains("\"" + delimiter) { delimiter += "#" }
        self.delimiter = delimiter
    }

    /// `json` with the characters a Swift literal escapes beyond ASCII (DEL, C1 including
    /// U+0085, U+2028, U+2029 and the bidirectional formatting characters; see
    /// ``SwiftLiteral``) written as JSON `\u` escapes; they can only occur inside JSON strings.
    private static func escapingInvisibleBreaks(_ json: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if scalar.value >= 0x7F, SwiftLiteral.needsEscape(scalar) {
                result.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
