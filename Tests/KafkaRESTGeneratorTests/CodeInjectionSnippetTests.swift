import Foundation
import Testing
@testable import KafkaRESTGenerator

@Suite("Spec text cannot become generated code")
struct CodeInjectionSnippetTests {
    /// Every Unicode line terminator, as a YAML double-quoted escape.
    static let terminators = [
        "\\u000A", "\\u000D", "\\u000D\\u000A", "\\u000B", "\\u000C", "\\u0085", "\\u2028", "\\u2029",
    ]

    /// A spec that puts `INJECTED()` after `terminator` into every piece of text that reaches
    /// the generated sources.
    private static func spec(_ terminator: String) -> String {
        let payload = "\(terminator)INJECTED()"
        return """
            openapi: 3.0.3
            info: {title: "Snippet\(payload)", version: "1"}
            paths:
              "/things/{thing_id}\(payload)":
                get:
                  operationId: "getThing\(payload)"
                  tags: ["Things\(payload)"]
                  summary: "Read a thing.\(payload)"
                  description: "Reads it.\(payload)"
                  parameters:
                    - name: thing_id
                      in: path
                      required: true
                      description: "The thing.\(payload)"
                      schema: {type: string}
                  responses:
                    "200":
                      description: "The thing.\(payload)"
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Thing'}
                    "2\(payload)":
                      description: Odd key.
                    "2); INJECTED(); //":
                      description: Odd key.
            components:
              schemas:
                Thing:
                  type: object
                  title: "A thing\(payload)"
                  description: "A thing.\(payload)"
                  properties:
                    "name\(payload)":
                      type: string
                      description: "Its name.\(payload)"
                    kind:
                      $ref: '#/components/schemas/ThingKind'
                ThingKind:
                  type: string
                  description: "What kind.\(payload)"
                  enum: ["plain\(payload)", "odd\\"); INJECTED(); (\\""]
            """
    }

    /// `line` without its string literals' contents, or `nil` for a comment line.
    private static func code(of line: Substring) -> String? {
        let trimmed = line.drop(while: \.isWhitespace)
        if trimmed.hasPrefix("//") { return nil }
        var code = ""
        var inString = false
        var escaping = false
        for character in trimmed {
            if inString {
                if escaping {
                    escaping = false
                } else if character == "\\" {
                    escaping = true
                } else if character == "\"" {
                    inString = false
                    code.append(character)
                }
            } else {
                code.append(character)
                if character == "\"" { inString = true }
            }
        }
        return code
    }

    /// The lines of `source` outside comments, multi-line string literals and the contents of
    /// string literals, split at every line terminator.
    private static func codeLines(_ source: String) -> [String] {
        var result: [String] = []
        var inMultilineString = false
        for line in source.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if inMultilineString {
                if trimmed.hasPrefix("\"\"\"") { inMultilineString = false }
                continue
            }
            if trimmed.hasSuffix("\"\"\"") || trimmed.hasSuffix("\"\"\"#") {
                inMultilineString = true
            }
            if let code = code(of: line) { result.append(code) }
        }
        return result
    }

    @Test("no generated line outside a comment or string literal holds spec text after a line terminator", arguments: terminators)
    func noInjectedCode(terminator: String) throws {
        let rendered = try Generator.render(
            specText: Self.spec(terminator),
            specFile: "snippet.yaml",
            templatesFolder: GeneratorFixtures.templates
        )
        #expect(rendered.operations == 1)
        for (path, source) in rendered.files {
            for line in Self.codeLines(source) {
                #expect(!line.contains("INJECTED"), "\(path): \(line)")
            }
        }
    }

    @Test("comment lines made from spec text hold no line terminator or control character", arguments: terminators)
    func commentLinesStayOneLine(terminator: String) throws {
        let rendered = try Generator.render(
            specText: Self.spec(terminator),
            specFile: "snippet.yaml",
            templatesFolder: GeneratorFixtures.templates
        )
        for (path, source) in rendered.files {
            for line in source.split(separator: "\n") where line.contains("INJECTED") {
                #expect(!line.contains(where: { $0.isNewline }), "\(path): \(line.debugDescription)")
                #expect(line.drop(while: \.isWhitespace).hasPrefix("//") || line.contains("\""), "\(path): \(line)")
            }
        }
    }

    @Test("response keys that are not status codes are skipped with a warning")
    func oddStatusKeysSkipped() throws {
        let rendered = try Generator.render(
            specText: Self.spec("\\u000A"),
            specFile: "snippet.yaml",
            templatesFolder: GeneratorFixtures.templates
        )
        let warnings = rendered.diagnostics.all.map(\.message).filter { $0.contains("is not a status code") }
        #expect(warnings.count == 2)
        #expect(warnings.allSatisfy { !$0.contains("\n") })
    }

    @Test("string literals escape controls, separators and bidirectional overrides")
    func literalEscapes() {
        #expect(SwiftLiteral.string("a\u{2028}b\u{2029}c\u{85}d\u{7F}e\u{202E}f\u{0B}") == #""a\u{2028}b\u{2029}c\u{85}d\u{7f}e\u{202e}f\u{b}""#)
        #expect(SwiftLiteral.pathExpression(PathTemplate("/a/{b}/{unknown\"); x(); (\"}"), arguments: ["b": "bee"])
            == #""/a/\(PathSegment.encode(bee))/{unknown\"); x(); (\"}""#)
    }

    @Test("documentation splits at every line terminator and neutralises other controls")
    func documentationLines() {
        #expect(DocumentationText.lines("a\rb\r\nc\u{2028}d\u{2029}e\u{85}f\u{0B}g\u{0C}h\u{1B}[31m") == ["a", "b", "c", "d", "e", "f", "g", "h [31m"])
        #expect(DocumentationText.inline("/x\n/y\u{2028}z") == "/x /y z")
    }
}
