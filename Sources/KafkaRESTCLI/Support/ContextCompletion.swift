import ArgumentParser

/// Shell completion of saved context names, from the config file (no network).
enum ContextCompletion {
    /// The completion kind for an argument or option naming a saved context.
    static let kind = CompletionKind.custom { _, _, prefix in
        names(prefix: prefix, environment: CLIContext.current.environment)
    }

    /// The sorted names of the contexts starting with `prefix`; none when the config file is
    /// missing or unreadable (and no warning).
    static func names(prefix: String, environment: [String: String]) -> [String] {
        let file = try? ContextStore(environment: environment).load(warn: { _ in })
        return (file?.contexts.keys.filter { $0.hasPrefix(prefix) } ?? []).sorted()
    }
}
