/// Which values can be sent as path, query or header parameters: strings, integers, numbers,
/// Booleans and date-times (RFC 3339, UTC, milliseconds), open and closed enums, aliases of those, alternatives enums whose every case holds
/// one of those (no discriminator, no `null`: they are sent as the text of the case's value), and
/// in a query, arrays of any of them.
enum ParameterTypes {
    /// Whether a value of `type` can be sent; `lookup` finds a generated type by its Swift name.
    static func accepts(_ type: TypeUsage, allowArray: Bool, lookup: (String) -> GeneratedType?) -> Bool {
        var visiting: Set<String> = []
        return accepts(type, allowArray: allowArray, lookup: lookup, visiting: &visiting)
    }

    /// `types` with ``Alternatives/isParameterValue`` set on every alternatives enum that can be sent.
    static func mark(_ types: [GeneratedType]) -> [GeneratedType] {
        let byName = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return types.map { type in
            guard case var .alternatives(alternatives) = type.kind else { return type }
            var marked = type
            alternatives.isParameterValue = accepts(.named(type.name), allowArray: false, lookup: { byName[$0] })
            marked.kind = .alternatives(alternatives)
            return marked
        }
    }

    private static func accepts(_ type: TypeUsage, allowArray: Bool, lookup: (String) -> GeneratedType?, visiting: inout Set<String>) -> Bool {
        switch type {
        case .string, .integer, .double, .bool, .dateTime:
            return true
        case let .array(element):
            return allowArray && accepts(element, allowArray: false, lookup: lookup, visiting: &visiting)
        case let .named(name):
            guard let declared = lookup(name), visiting.insert(name).inserted else { return false }
            defer { visiting.remove(name) }
            switch declared.kind {
            case .openEnum, .closedEnum:
                return true
            case let .alias(usage):
                return accepts(usage, allowArray: allowArray, lookup: lookup, visiting: &visiting)
            case let .alternatives(alternatives):
                return alternatives.discriminator == nil && !alternatives.acceptsNull && alternatives.cases.allSatisfy {
                    accepts($0.type, allowArray: false, lookup: lookup, visiting: &visiting)
                }
            case .structure:
                return false
            }
        default:
            return false
        }
    }
}
