/// Following `$ref`s while reading: references to components become references to components
/// of the entry file (see ``FollowedReferences``), and the parts OpenAPI lets a `$ref` stand for
/// without being components (path items, and in the wild operations and property maps) are read
/// where the reference leads.
extension NodeReader {
    /// The component reference that stands for `text`, written at `place` (a `$ref` value or a
    /// discriminator mapping), or nil (and a warning there) when it cannot be followed.
    mutating func componentReference<Value: ReferencedComponent>(_ text: String, writtenAt place: SpecNode, as _: Value.Type) -> String? {
        switch references.componentReference(text, kind: Value.componentKind, writtenIn: place) {
        case let .success(local):
            return local
        case let .failure(problem):
            diagnostics.warn(problem.message + (Value.self == Schema.self ? "; read as any value" : "; ignored"), at: place.location)
            return nil
        }
    }

    /// `node`, or the node its `$ref` leads to (following chains); nil, with a warning, when
    /// the reference cannot be followed.
    mutating func inline(_ node: SpecNode) -> SpecNode? {
        guard let ref = node["$ref"] else { return node }
        guard let text = ref.scalar else {
            diagnostics.warn("'$ref' should be a string; ignored", at: ref.location)
            return nil
        }
        switch references.followedNode(text, writtenIn: node) {
        case let .success(target):
            return target
        case let .failure(problem):
            diagnostics.warn(problem.message + "; ignored", at: ref.location)
            return nil
        }
    }

    /// Reads the targets that references named as components, and those their reading names in
    /// turn, into `components`, in the order they were found.
    mutating func readFollowedComponents(into components: inout Components) {
        while !references.pending.isEmpty {
            for target in references.takePending() {
                switch target.kind {
                case .schemas:
                    if let schema = reference(target.node, read: { $0.schema($1) }) {
                        components.schemas.append((target.name, schema))
                    }
                case .parameters:
                    components.parameters[target.name] = reference(target.node, read: { $0.parameter($1) })
                case .requestBodies:
                    components.requestBodies[target.name] = reference(target.node, read: { $0.requestBody($1) })
                case .responses:
                    components.responses[target.name] = reference(target.node, read: { $0.response($1) })
                case .headers:
                    components.headers[target.name] = reference(target.node, read: { $0.header($1) })
                case .examples:
                    components.examples[target.name] = example(target.node)
                }
            }
        }
    }

    /// An example object (`value`, or a `$ref` to an example component); nil when it has neither.
    mutating func example(_ node: SpecNode) -> Ref<ExampleValue>? {
        if let ref = node["$ref"], let text = ref.scalar {
            return componentReference(text, writtenAt: ref, as: ExampleValue.self).map { .reference($0, ref.location) }
        }
        return node["value"].map { .value(ExampleValue(json: $0.json, location: $0.location)) }
    }
}
