import Foundation

/// The refusal of paths whose segments a server or proxy would collapse.
extension APIRequest {
    /// Checks that every segment of ``path`` names something.
    ///
    /// A path parameter that is empty, `.` or `..` makes a segment that servers and proxies
    /// remove or resolve against its parent, so `DELETE …/topics/orders/configs/..` could act
    /// on the topic itself. Such a segment is refused in its literal form and percent-encoded
    /// (`%2E`, `%2e`, in any mix with `.`). The leading `/` of ``path`` does not count.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest`` naming the
    ///   operation, the segment (its placeholder in ``pathTemplate`` when there is one) and
    ///   what is wrong with it.
    public func checkPathSegments() throws {
        guard let (index, problem) = Self.firstRefusedSegment(of: path) else { return }
        let templateSegments = Self.segments(of: pathTemplate)
        let place = templateSegments.count == Self.segments(of: path).count && templateSegments[index].hasPrefix("{")
            ? "path parameter \(templateSegments[index])"
            : "path segment \(index + 1)"
        throw KafkaRESTError(
            kind: .invalidRequest,
            operationID: operationID,
            message: "\(place) of \(pathTemplate) is \(problem); a path segment must not be empty, '.' or '..'; nothing was sent"
        )
    }

    /// The position (from 0) of the first segment of `path` that is refused, and why: one pass
    /// that splits nothing, since every request is checked.
    private static func firstRefusedSegment(of path: String) -> (index: Int, problem: String)? {
        let relative = path.hasPrefix("/") ? path.dropFirst() : path[...]
        var start = relative.startIndex
        var index = 0
        while true {
            let end = relative.utf8[start...].firstIndex(of: UInt8(ascii: "/")) ?? relative.endIndex
            if let problem = problem(with: relative[start..<end]) { return (index, problem) }
            guard end < relative.endIndex else { return nil }
            start = relative.utf8.index(after: end)
            index += 1
        }
    }

    private static func segments(of path: String) -> [Substring] {
        let relative = path.hasPrefix("/") ? path.dropFirst() : path[...]
        return relative.split(separator: "/", omittingEmptySubsequences: false)
    }

    /// Why `segment` is refused, or `nil` if it is usable.
    private static func problem(with segment: Substring) -> String? {
        guard !segment.isEmpty else { return "empty" }
        // The longest spelling of a dot segment is `%2E%2E`.
        guard segment.utf8.count <= 6 else { return nil }
        switch PathSegment.dotSegment(segment) {
        case ".": return "'\(segment)' (the current directory)"
        case "..": return "'\(segment)' (the parent directory)"
        default: return nil
        }
    }
}
