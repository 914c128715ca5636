import Foundation
import KafkaREST

extension Console {
    /// The same console with each JSON line written to standard output re-emitted as a YAML
    /// document (``YAMLText/document(_:)``); a line that is not JSON is written unchanged.
    ///
    /// Every result the CLI prints goes through its JSON line, so YAML output holds the same
    /// values, fields and order of results as JSON output.
    func writingJSONLinesAsYAML() -> Console {
        var console = self
        let out = self.out
        console.out = { text in
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let converted = lines.enumerated().map { index, line -> String in
                guard !line.isEmpty else { return index == lines.count - 1 ? "" : "\n" }
                let newline = index < lines.count - 1 ? "\n" : ""
                guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)) else {
                    return line + newline
                }
                return YAMLText.document(value)
            }
            out(converted.joined())
        }
        return console
    }
}
