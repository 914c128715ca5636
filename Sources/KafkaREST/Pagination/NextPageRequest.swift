import Foundation

/// Turns a list response's absolute `metadata.next` URL into a request relative to the
/// client's base URL.
enum NextPageRequest {
    /// The operation id of next-page requests.
    static let operationID = KafkaRESTClient.nextPageOperationID

    /// A GET of `next` relative to `baseURL`.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest`` if `next`
    ///   is not an absolute URL, is on another scheme, host or port than `baseURL` (credentials
    ///   are never sent elsewhere), has a `.` or `..` segment (literal or percent-encoded, in
    ///   any case), or lies outside the base path.
    static func make(next: String, baseURL: URL) throws -> APIRequest {
        guard let nextComponents = URLComponents(string: next), nextComponents.scheme != nil, nextComponents.host != nil else {
            throw refusal("the next page URL '\(next)' is not an absolute URL")
        }
        let base = URLComponents(url: baseURL, resolvingAgainstBaseURL: true) ?? URLComponents()
        guard origin(of: nextComponents) == origin(of: base) else {
            throw refusal(
                "refusing to fetch the next page from \(describeOrigin(nextComponents)): it is not the configured server \(describeOrigin(base)), and credentials are only sent there"
            )
        }
        var basePath = base.percentEncodedPath
        while basePath.hasSuffix("/") {
            basePath.removeLast()
        }
        let nextPath = nextComponents.percentEncodedPath
        guard !nextPath.split(separator: "/").contains(where: { PathSegment.dotSegment($0) != nil }) else {
            throw refusal("the next page URL path \(nextPath) has a '.' or '..' segment, which could lead outside the base path \(basePath)/")
        }
        guard nextPath.hasPrefix(basePath + "/") else {
            throw refusal("the next page URL path \(nextPath) is not below the base path \(basePath)/")
        }
        var request = APIRequest(
            operationID: operationID,
            method: .get,
            pathTemplate: "(next page)",
            path: String(nextPath.dropFirst(basePath.count))
        )
        request.query = (nextComponents.queryItems ?? []).map { APIRequest.QueryItem(name: $0.name, value: $0.value ?? "") }
        request.headers.replaceOrAdd(name: "Accept", value: "application/json")
        return request
    }

    /// Lower-cased scheme and host with the port made explicit (443 for https, 80 for http).
    private static func origin(of components: URLComponents) -> [String] {
        let scheme = components.scheme?.lowercased() ?? ""
        let defaultPort = ["https": 443, "http": 80][scheme]
        let port = components.port ?? defaultPort
        return [scheme, components.host?.lowercased() ?? "", port.map(String.init) ?? ""]
    }

    private static func describeOrigin(_ components: URLComponents) -> String {
        let parts = origin(of: components)
        return "\(parts[0])://\(parts[1]):\(parts[2])"
    }

    private static func refusal(_ message: String) -> KafkaRESTError {
        KafkaRESTError(kind: .invalidRequest, operationID: operationID, message: message)
    }
}
