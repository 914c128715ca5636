/// The saved context a run uses, with its name.
struct SelectedContext {
    /// The context's name.
    var name: String
    /// The context.
    var context: StoredContext

    /// The context named by `option` (`--context`), else by `KAFKA_REST_CONTEXT`, else the
    /// config file's current one; `nil` when none is named and none is current. Registers its
    /// stored secrets with the run's redactor and prints the file's permission warning.
    ///
    /// - Throws: ``CLIError`` (exit status 2) when a named or current context does not exist,
    ///   or the config file cannot be read.
    static func select(option: String?, context: CLIContext) throws -> SelectedContext? {
        let store = ContextStore(environment: context.environment)
        let named = ConnectionSettings.value(option).map { ($0, "--context") }
            ?? ConnectionSettings.value(context.environment["KAFKA_REST_CONTEXT"]).map { ($0, "KAFKA_REST_CONTEXT") }
        let file = try store.load(warn: context.output.printError)
        for stored in file.contexts.values {
            for secret in stored.inlineSecrets {
                context.redactor.add(secret)
            }
        }
        if let (name, source) = named {
            guard let stored = file.contexts[name] else {
                throw CLIError.usage(
                    "\(source) names the context '\(name)', which \(store.url.path) does not have",
                    hint: "`kafka-rest context list` shows the contexts; `kafka-rest context create \(name) …` makes one"
                )
            }
            return SelectedContext(name: name, context: stored)
        }
        guard let current = file.current else { return nil }
        guard let stored = file.contexts[current] else {
            throw CLIError.usage(
                "the current context '\(current)' is not in \(store.url.path)",
                hint: "choose another with `kafka-rest context use NAME`"
            )
        }
        return SelectedContext(name: current, context: stored)
    }
}
