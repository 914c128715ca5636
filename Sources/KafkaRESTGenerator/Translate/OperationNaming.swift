/// Names for operations that have no `operationId`, in the style of
/// Confluent's own (`listBrokers`, `getBrokerConfig`, `alterBrokerConfigs`):
/// a verb from the method (or the `:action` suffix), `All` for a `-`
/// wildcard segment, then the resource nouns of the path.
enum OperationNaming {
    /// A lower-camel name for `method` on `path`.
    static func synthesise(method: String, path: String) -> String {
        var segments = path.split(separator: "/").map(String.init)
        if let clusters = segments.firstIndex(of: "clusters"), clusters + 2 < segments.count, segments[clusters + 1].hasPrefix("{") {
            segments.removeFirst(clusters + 2)
        }
        var action: String?
        if let last = segments.last, let colon = last.firstIndex(of: ":") {
            action = String(last[last.index(after: colon)...])
            segments[segments.count - 1] = String(last[..<colon])
        }
        let endsWithParameter = segments.last?.hasPrefix("{") ?? false
        let nouns = segments.filter { !$0.hasPrefix("{") && $0 != "-" }
        let wildcard = segments.contains("-")
        var words: [String] = []
        if let last = nouns.last {
            if nouns.count > 1 { words.append(singular(nouns[nouns.count - 2])) }
            words.append(endsWithParameter || (action == nil && method == "post") ? singular(last) : last)
        }
        let verb: String
        if let action {
            verb = action
        } else {
            switch method {
            case "get": verb = endsWithParameter ? "get" : "list"
            case "post": verb = "create"
            case "put", "patch": verb = "update"
            case "delete": verb = "delete"
            default: verb = method
            }
        }
        let noun = words.map(SwiftNaming.typeName).joined()
        return SwiftNaming.memberName(verb) + (wildcard ? "All" : "") + (noun.isEmpty ? "Root" : noun)
    }

    private static func singular(_ noun: String) -> String {
        noun.hasSuffix("s") && !noun.hasSuffix("ss") ? String(noun.dropLast()) : noun
    }
}
