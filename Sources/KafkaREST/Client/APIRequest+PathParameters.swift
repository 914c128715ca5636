import Foundation

extension APIRequest {
    /// The values of the `{name}` segments of ``pathTemplate`` in ``path``, percent-decoded,
    /// such as `("topic_name", "orders")`; empty when the two do not line up.
    var pathParameters: [(name: Substring, value: String)] {
        let template = pathTemplate.split(separator: "/", omittingEmptySubsequences: false)
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard template.count == segments.count else { return [] }
        return zip(template, segments).compactMap { name, value in
            guard name.hasPrefix("{"), name.hasSuffix("}") else { return nil }
            return (name.dropFirst().dropLast(), String(value).removingPercentEncoding ?? String(value))
        }
    }
}
