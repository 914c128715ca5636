/// A route path such as `/clusters/{cluster_id}/topics/{topic_name}`: literal segments and
/// `{name}` parameters, each a whole segment.
struct PathTemplate: Sendable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    let description: String
    let segments: [Segment]

    init(_ template: String) {
        description = template
        segments = template.split(separator: "/").map { part in
            if part.hasPrefix("{"), part.hasSuffix("}") {
                .parameter(String(part.dropFirst().dropLast()))
            } else {
                .literal(String(part))
            }
        }
    }

    /// The number of literal segments; a template with more of them wins over one that
    /// matches the same path with a parameter (`/topics/-/configs` over `/topics/{topic_name}/configs`).
    var literalCount: Int {
        segments.count(where: { if case .literal = $0 { true } else { false } })
    }

    /// The parameter values if the percent-decoded `pathSegments` fit the template.
    func match(_ pathSegments: [String]) -> [String: String]? {
        guard pathSegments.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, value) in zip(segments, pathSegments) {
            switch segment {
            case .literal(let literal):
                guard literal == value else { return nil }
            case .parameter(let name):
                guard !value.isEmpty else { return nil }
                parameters[name] = value
            }
        }
        return parameters
    }
}
