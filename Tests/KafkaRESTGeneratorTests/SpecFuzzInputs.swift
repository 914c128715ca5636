import Foundation
import FuzzSupport

/// Specs for the loader fuzzer from one seeded stream: fragments of the real spec recombined
/// with odd blocks, then changed line by line and byte by byte, or random YAML.
struct SpecFuzzInputs {
    var random: SeededGenerator
    let blocks: SpecFuzzBlocks

    /// `true` with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool {
        Int.random(in: 0..<100, using: &random) < percent
    }

    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[Int.random(in: 0..<elements.count, using: &random)]
    }

    /// A few path items and components of the spec, some odd blocks among them.
    mutating func fragment() -> String {
        var text = chance(10) ? blocks.header : "openapi: 3.0.3\ninfo: {title: Fuzz, version: '1'}\n"
        text += "paths:\n"
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            text += chance(75) ? pick(blocks.paths) : pick(SpecFuzzBlocks.oddPaths)
        }
        if !chance(10) {
            text += "components:\n"
            for kind in blocks.components.keys.sorted() where kind != "schemas" && chance(40) {
                text += "  \(kind):\n"
                for block in blocks.components[kind]! where chance(25) {
                    text += block
                }
            }
            text += "  schemas:\n"
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                text += pick(blocks.components["schemas"] ?? [])
            }
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                text += pick(SpecFuzzBlocks.oddSchemas)
            }
        }
        return text
    }

    /// `text` with one to four changes to its lines: dropped, duplicated, re-indented, swapped,
    /// a stray spec line inserted, a `$ref` pointed elsewhere, or the text cut short.
    mutating func mutateLines(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<Int.random(in: 1...4, using: &random) where !lines.isEmpty {
            let index = Int.random(in: 0..<lines.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0: lines.remove(at: index)
            case 1: lines.insert(lines[index], at: index)
            case 2:
                let shift = Int.random(in: -4...4, using: &random)
                lines[index] = shift > 0
                    ? String(repeating: " ", count: shift) + lines[index]
                    : String(lines[index].dropFirst(min(-shift, lines[index].prefix { $0 == " " }.count)))
            case 3 where index + 1 < lines.count: lines.swapAt(index, index + 1)
            case 4: lines.insert(pick(blocks.lines), at: index)
            case 5: lines[index] = retarget(lines[index])
            default: lines = Array(lines.prefix(index))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `line` with its `$ref` pointed at another component, a missing one, or the wrong kind.
    private mutating func retarget(_ line: String) -> String {
        guard let range = line.range(of: "#/components/") else { return line + pick([" {", " [", " &a", " *a", " !!binary", " #"]) }
        let kind = pick(["schemas", "parameters", "responses", "requestBodies", "headers", "examples", "nope"])
        let name = chance(50) ? pick(["Missing", "Cycle1", "SelfRef", "ClusterId", "BadRequest", "", "a~1b", "~2"]) : componentName()
        let end = line[range.upperBound...].firstIndex { $0 == "'" || $0 == "\"" || $0 == "}" } ?? line.endIndex
        return String(line[..<range.upperBound]) + "\(kind)/\(name)" + String(line[end...])
    }

    /// The name of a random component of the spec.
    private mutating func componentName() -> String {
        let block = pick(blocks.components["schemas"] ?? ["    Error:"])
        return String(block.drop { $0 == " " }.prefix { $0 != ":" })
    }

    /// `text` with one to three byte-level changes: flipped bits, inserted YAML punctuation or
    /// control and line-break characters, deleted runs.
    mutating func mutateBytes(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let index = scalars.isEmpty ? 0 : Int.random(in: 0..<scalars.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where !scalars.isEmpty:
                let flipped = scalars[index].value ^ (1 << UInt32.random(in: 0...7, using: &random))
                scalars[index] = Unicode.Scalar(flipped) ?? "\u{FFFD}"
            case 1:
                scalars.insert(contentsOf: pick(Self.oddInsertions).unicodeScalars, at: index)
            case 2 where !scalars.isEmpty:
                scalars.removeSubrange(index..<min(scalars.count, index + Int.random(in: 1...12, using: &random)))
            default:
                scalars.insert(Unicode.Scalar(UInt8.random(in: 0...127, using: &random)), at: index)
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Text that YAML treats specially.
    static let oddInsertions = [
        "\t", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{0}", "\u{FEFF}", "\u{FFFD}", "&a ", "*a", "!!binary ",
        "!!int ", "? ", "- ", ": ", "{", "}", "[", "]", "'", "\"", "#", "|", ">", "%YAML 1.2\n---\n", "\n...\n", "\n---\n",
        "<<: *a\n", "😀", "e\u{301}", "\\", ",", "@", "`",
    ]

    /// A random YAML document built from OpenAPI words, in block and flow style.
    mutating func randomYAML() -> String {
        var text = chance(50) ? "openapi: 3.0.3\n" : ""
        text += yamlMapping(depth: 4, indent: 0)
        return text
    }

    private static let words = [
        "openapi", "info", "paths", "/a", "/b/{id}", "components", "schemas", "parameters", "responses", "get", "post",
        "operationId", "$ref", "allOf", "oneOf", "type", "object", "array", "string", "integer", "properties", "items",
        "nullable", "x-extensible-enum", "enum", "required", "content", "application/json", "schema", "in", "name",
        "path", "query", "description", "'200'", "default", "format", "date-time", "additionalProperties", "example",
    ]

    private mutating func yamlMapping(depth: Int, indent: Int) -> String {
        var text = ""
        let pad = String(repeating: " ", count: indent)
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            text += pad + pick(Self.words) + ":"
            if depth > 0, chance(50) {
                text += chance(30) ? " " + yamlFlow(depth: depth - 1) + "\n" : "\n" + yamlMapping(depth: depth - 1, indent: indent + 2)
            } else {
                text += " " + yamlScalar() + "\n"
            }
        }
        return text
    }

    private mutating func yamlFlow(depth: Int) -> String {
        let count = Int.random(in: 0...3, using: &random)
        if chance(50) {
            return "[" + (0..<count).map { _ in depth > 0 && chance(30) ? yamlFlow(depth: depth - 1) : yamlScalar() }.joined(separator: ", ") + "]"
        }
        return "{" + (0..<count).map { _ in pick(Self.words) + ": " + (depth > 0 && chance(30) ? yamlFlow(depth: depth - 1) : yamlScalar()) }.joined(separator: ", ") + "}"
    }

    private mutating func yamlScalar() -> String {
        pick([
            "'#/components/schemas/A'", "'#/components/schemas/Missing'", "'#/components/parameters/P'", "true", "maybe",
            "null", "~", "7", "-1", "1e999", "0x1F", "'3.0.3'", "x", "''", "\"\\u0000\"", "[]", "{}", "READ", "2021-12-13",
            pick(Self.words),
        ])
    }
}
