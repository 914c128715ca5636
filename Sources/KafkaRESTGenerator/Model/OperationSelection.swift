/// Which operations to generate (`--operations`, `--tags`): an operation is generated when its
/// `operationId` (or, without one, the name the generator gives it) is listed, and when one of its
/// tags is listed; a list left out selects every operation. With a selection, only the types the
/// selected operations use, directly or through other types, are generated.
package struct OperationSelection: Sendable {
    /// The operation ids to generate, or nil for all.
    package var operationIDs: [String]?
    /// The tags whose operations to generate, or nil for all.
    package var tags: [String]?

    /// Every operation, every type.
    package static let all = OperationSelection()

    /// Creates a selection.
    package init(operationIDs: [String]? = nil, tags: [String]? = nil) {
        self.operationIDs = operationIDs
        self.tags = tags
    }

    /// Whether everything is selected (nothing is pruned).
    var selectsAll: Bool { operationIDs == nil && tags == nil }

    /// `document` with only the selected operations. An id or tag that selects nothing is an error.
    func apply(to document: OpenAPIDocument, _ diagnostics: inout Diagnostics) -> OpenAPIDocument {
        guard !selectsAll else { return document }
        var result = document
        var seenIDs: Set<String> = []
        var seenTags: Set<String> = []
        for index in result.paths.indices {
            result.paths[index].operations = result.paths[index].operations.filter { operation in
                let id = operation.operationID.flatMap { $0.isEmpty ? nil : $0 }
                    ?? OperationNaming.synthesise(method: operation.method, path: operation.path)
                seenIDs.insert(id)
                seenTags.formUnion(operation.tags)
                let idSelected = operationIDs.map { $0.contains(id) } ?? true
                let tagSelected = tags.map { !Set($0).isDisjoint(with: operation.tags) } ?? true
                return idSelected && tagSelected
            }
        }
        let place = SourceLocation(file: document.file, line: 0, column: 0, pointer: "")
        for id in operationIDs ?? [] where !seenIDs.contains(id) {
            diagnostics.error("--operations names '\(id)', which no operation of the spec has", at: place)
        }
        for tag in tags ?? [] where !seenTags.contains(tag) {
            diagnostics.error("--tags names '\(tag)', which no operation of the spec has", at: place)
        }
        return result
    }

    /// The types that `operations` use, directly or through other types, in their original order.
    static func usedTypes(_ types: [GeneratedType], by operations: [GeneratedOperation]) -> [GeneratedType] {
        let byName = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var used: Set<String> = []
        var pending: [TypeUsage] = operations.flatMap { operation in
            operation.parameters.map(\.type) + [operation.body?.type].compactMap { $0 }
                + (operation.successes + operation.failures).compactMap(\.type)
        }
        while let usage = pending.popLast() {
            switch usage {
            case let .array(element), let .dictionary(element):
                pending.append(element)
            case let .named(name):
                guard used.insert(name).inserted, let type = byName[name] else { continue }
                switch type.kind {
                case let .structure(properties): pending += properties.map(\.type)
                case let .alternatives(alternatives): pending += alternatives.cases.map(\.type)
                case let .alias(target): pending.append(target)
                case .openEnum, .closedEnum: break
                }
            default:
                break
            }
        }
        return types.filter { used.contains($0.name) }
    }
}
