import Foundation
import KafkaRESTSupport

/// What `SchemaTable.mustache` renders: the schema table as JSON, one schema
/// per line in name order (so a spec change shows as a small diff), inside a
/// raw string literal whose delimiter the JSON cannot close.
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
        json = "{\n" + lines.joined(separator: ",\n") + "\n}"
        var delimiter = "#"
        while json.contains("\"" + delimiter) { delimiter += "#" }
        self.delimiter = delimiter
    }
}
