/// A path template such as `/clusters/{cluster_id}/topics`, parsed once into its literal text and
/// its `{name}` parameters, in order. A `{` with no `}` after it (or another `{` first) is text.
struct PathTemplate: Sendable, Hashable {
    /// A run of literal text, or a parameter's name.
    enum Part: Sendable, Hashable {
        case text(String)
        case parameter(String)
    }

    /// The parts, in order; adjacent text is one part.
    let parts: [Part]

    /// Parses `template`.
    init(_ template: String) {
        var parts: [Part] = []
        var text = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            let afterOpen = rest.index(after: open)
            let close = rest[afterOpen...].firstIndex(of: "}")
            let nextOpen = rest[afterOpen...].firstIndex(of: "{")
            guard let close, nextOpen.map({ close < $0 }) ?? true else {
                text += "{"
                rest = rest[afterOpen...]
                continue
            }
            if !text.isEmpty { parts.append(.text(text)) }
            text = ""
            parts.append(.parameter(String(rest[afterOpen..<close])))
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        if !text.isEmpty { parts.append(.text(text)) }
        self.parts = parts
    }

    /// The parameters' names, in order.
    var parameterNames: [String] {
        parts.compactMap { part in
            if case let .parameter(name) = part { return name }
            return nil
        }
    }
}
