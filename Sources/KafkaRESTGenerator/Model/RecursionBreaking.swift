/// Finds types that contain themselves, directly or through other generated types (an optional
/// or nullable property, an alternative of a `oneOf`, a flattened `allOf`), and breaks each cycle
/// so the generated value types have a finite size.
///
/// Stored inline, a struct property or an enum payload of a generated type makes its holder
/// contain that type; arrays and maps hold their elements out of line and break a cycle by
/// themselves. Within each strongly connected component of the "contains inline" graph, every
/// enum becomes `indirect` and every struct property whose type is a struct of the same component
/// is boxed. Every cycle then passes an indirect enum or a boxed property.
enum RecursionBreaking {
    /// `types` with ``GeneratedProperty/boxed`` and ``Alternatives/isIndirect`` set where needed.
    static func apply(_ types: [GeneratedType]) -> [GeneratedType] {
        let byName = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let component = StronglyConnected(nodes: types.map(\.name)) { name in
            byName[name].map { contained(in: $0, types: byName) } ?? []
        }.componentOf
        return types.map { type in
            var type = type
            switch type.kind {
            case var .structure(properties):
                for index in properties.indices {
                    guard let target = inlineTarget(properties[index].type, types: byName),
                          case .structure = byName[target]?.kind,
                          component[target] == component[type.name] else { continue }
                    properties[index].boxed = true
                }
                type.kind = .structure(properties)
            case var .alternatives(alternatives):
                alternatives.isIndirect = alternatives.cases.contains { alternative in
                    inlineTarget(alternative.type, types: byName).map { component[$0] == component[type.name] } ?? false
                }
                type.kind = .alternatives(alternatives)
            default:
                break
            }
            return type
        }
    }

    /// The generated types a value of `type` holds inline.
    private static func contained(in type: GeneratedType, types: [String: GeneratedType]) -> [String] {
        switch type.kind {
        case let .structure(properties): return properties.compactMap { inlineTarget($0.type, types: types) }
        case let .alternatives(alternatives): return alternatives.cases.compactMap { inlineTarget($0.type, types: types) }
        case let .alias(usage): return inlineTarget(usage, types: types).map { [$0] } ?? []
        case .openEnum, .closedEnum: return []
        }
    }

    /// The struct or enum a value of `usage` holds inline, looking through type aliases.
    private static func inlineTarget(_ usage: TypeUsage, types: [String: GeneratedType]) -> String? {
        var seen: Set<String> = []
        var current = usage
        while case let .named(name) = current, seen.insert(name).inserted {
            guard let type = types[name] else { return nil }
            guard case let .alias(aliased) = type.kind else { return name }
            current = aliased
        }
        return nil
    }
}

/// Tarjan's strongly connected components of a directed graph, numbered; nodes of one cycle
/// share a number.
private struct StronglyConnected {
    private(set) var componentOf: [String: Int] = [:]
    private var index: [String: Int] = [:]
    private var components = 0
    private var stack: [String] = []
    private var onStack: Set<String> = []
    private let successors: (String) -> [String]

    init(nodes: [String], successors: @escaping (String) -> [String]) {
        self.successors = successors
        for node in nodes where index[node] == nil {
            _ = visit(node)
        }
    }

    /// Numbers the nodes reachable from `node`; returns the smallest number reachable that is still on the stack.
    private mutating func visit(_ node: String) -> Int {
        let number = index.count
        index[node] = number
        var low = number
        stack.append(node)
        onStack.insert(node)
        for next in successors(node) {
            if let seen = index[next] {
                if onStack.contains(next) { low = min(low, seen) }
            } else {
                low = min(low, visit(next))
            }
        }
        if low == number {
            while let member = stack.popLast() {
                onStack.remove(member)
                componentOf[member] = components
                if member == node { break }
            }
            components += 1
        }
        return low
    }
}
