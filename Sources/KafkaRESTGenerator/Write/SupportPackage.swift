/// Where a package written with `--package-dir` finds `KafkaRESTSupport`: a folder on this
/// machine, or a Git URL and the version to depend on from there, written `URL@VERSION`
/// (`https://github.com/OWNER/NAME@1.2.0`), so the package can be published.
enum SupportPackage: Equatable {
    /// A checkout on this machine.
    case folder(String)
    /// A repository and the lowest version it may resolve to (`from:`); `name` is the package's
    /// identity, the URL's last path component without `.git`.
    case git(url: String, version: String, name: String)

    /// Reads `--support-package`: a URL (`scheme://…` or `git@…`) must end in `@` and a
    /// version such as `1.2.0`; anything else is a folder.
    init(_ text: String) throws {
        guard text.contains("://") || text.hasPrefix("git@") else {
            self = .folder(text)
            return
        }
        let place = SourceLocation(file: "--support-package", line: 0, column: 0, pointer: "")
        guard let at = text.lastIndex(of: "@"), !text[text.index(after: at)...].contains("/"),
              Self.isVersion(text[text.index(after: at)...]) else {
            throw GenerationFailed([Diagnostic(.error, "'\(text)' is a URL without a version; write it as URL@VERSION, such as https://github.com/OWNER/NAME@1.2.0", at: place)])
        }
        let url = String(text[..<at])
        var name = url.split(separator: "/").last.map(String.init) ?? url
        if name.hasSuffix(".git") { name.removeLast(4) }
        self = .git(url: url, version: String(text[text.index(after: at)...]), name: name)
    }

    /// Whether `text` is a semantic version: three dot-separated numbers, optionally followed by
    /// `-` and a pre-release label.
    private static func isVersion(_ text: Substring) -> Bool {
        let core = text.split(separator: "-", maxSplits: 1).first ?? ""
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
