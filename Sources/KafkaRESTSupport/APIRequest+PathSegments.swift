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
        guard Self.hasRefusedSegment(path) else { return }
        let segments = Self.segments(of: path)
        for (index, segment) in segments.enumerated() {
            guard let problem = Self.problem(with: segment) else { continue }
            let templateSegments = Self.segments(of: pathTemplate)
            let place = templateSegments.count == segments.count && templateSegments[index].hasPrefix("{")
                ? "path parameter \(templateSegments[index])"
                : "path segment \(index + 1)"
            throw KafkaRESTError(
                kind: .invalidRequest,
                operationID: operationID,
                message: "\(place) of \(pathTemplate) is \(problem); a path segment must not be empty, '.' or '..'; nothing was sent"
            )
        }
    }

    /// Whether a segment of `path` is empty, `.` or `..`: one pass over its bytes, making
    /// nothing, since every request is checked.
    private static func hasRefusedSegment(_ path: String) -> Bool {
        var bytes = path.utf8[...]
        if bytes.first == UInt8(ascii: "/") {
            bytes = bytes.dropFirst()
        }
        var start = bytes.startIndex
        while true {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
            let segment = bytes[start..<end]
            if segment.isEmpty { return true }
            if segment.count <= 6, PathSegment.dotSegment(Substring(segment)) != nil { return true }
            guard end < bytes.endIndex else { return false }
            start = bytes.index(after: end)
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
