import Foundation

/// `embed-templates OUTPUT TEMPLATE…`: writes a Swift file holding each `*.mustache` file as a
/// raw string literal, so `kafka-rest-gen` carries its default templates (run at build time by
/// the EmbedTemplates plugin).
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: embed-templates OUTPUT TEMPLATE…\n".utf8))
    exit(2)
}

/// `text` as a multi-line raw string literal with enough `#`s that nothing inside can end it.
func rawLiteral(_ text: String) -> String {
    var longest = 0
    var run = -1
    for character in text {
        if character == "\"" {
            run = 0
        } else if character == "#", run >= 0 {
            run += 1
            longest = max(longest, run)
        } else {
            run = -1
        }
    }
    let hashes = String(repeating: "#", count: longest + 1)
    return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
}

var source = """
    // Written by embed-templates at build time from Templates/*.mustache. Do not edit.

    /// The default templates, compiled into the generator: template name → text.
    enum DefaultTemplates {
        static let byName: [String: String] = [

    """
for path in arguments.dropFirst().sorted() {
    let url = URL(fileURLWithPath: path)
    let name = url.deletingPathExtension().lastPathComponent
    let text = try String(contentsOf: url, encoding: .utf8)
    source += "        \(rawLiteral(name)): \(rawLiteral(text)),\n"
}
source += "    ]\n}\n"
try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
