import Foundation

/// Checks endpoint strings given to the configuration factories and builds base URLs from them.
enum EndpointURL {
    /// Parses `string` as an absolute URL with one of `allowedSchemes`, a host, and no user
    /// info, query or fragment.
    static func parse(_ string: String, parameter: String, allowedSchemes: Set<String>) throws -> URLComponents {
        let shown = quoted(string)
        let trimmed = string.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw invalid("\(parameter) is empty")
        }
        let schemes = allowedSchemes.sorted().map { "\($0)://" }.joined(separator: " or ")
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
              trimmed.contains("://")
        else {
            throw invalid("\(parameter) \(shown) is not a URL; expected \(schemes) followed by a host name")
        }
        guard allowedSchemes.contains(scheme) else {
            throw invalid("\(parameter) \(shown) uses the scheme \(scheme)://; expected \(schemes)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw invalid("\(parameter) \(shown) has no host name")
        }
        guard components.user == nil, components.password == nil else {
            throw invalid("\(parameter) must not contain user info (name:password@); pass credentials separately")
        }
        guard components.percentEncodedQuery == nil, components.fragment == nil else {
            throw invalid("\(parameter) \(shown) must not have a query or fragment")
        }
        return components
    }

    /// The URL of `components` with `suffix` appended to its path, unless the path already
    /// ends with it. For `/kafka/v3` (Confluent Cloud) the path must otherwise be empty.
    static func appendingVersionPath(to components: URLComponents, suffix: String, parameter: String) throws -> URL {
        var result = components
        var path = components.percentEncodedPath
        while path.hasSuffix("/") {
            path.removeLast()
        }
        if !path.hasSuffix(suffix) {
            if suffix == "/kafka/v3", !path.isEmpty {
                throw invalid(
                    "\(parameter) \(quoted(components.string ?? "")) has the path \(path); expected only scheme, host and port, such as https://pkc-00000.region.provider.confluent.cloud:443"
                )
            }
            path += suffix
        }
        result.percentEncodedPath = path
        guard let url = result.url else {
            throw invalid("\(parameter) \(quoted(components.string ?? "")) does not form a valid URL")
        }
        return url
    }

    /// `url` as text with any user info (`name:password@`) left out, for descriptions.
    static func describe(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else {
            return "(a URL that cannot be shown)"
        }
        guard components.user != nil || components.password != nil else { return url.absoluteString }
        components.user = nil
        components.password = nil
        return components.string ?? "(a URL that cannot be shown)"
    }

    /// Whether `url` carries user info (`name@` or `name:password@`).
    static func hasUserInfo(_ url: URL) -> Bool {
        url.user != nil || url.password != nil
    }

    /// `string` in quotes, or a placeholder when it might hold user info.
    private static func quoted(_ string: String) -> String {
        string.contains("@") ? "(not shown: it contains '@')" : "'\(string)'"
    }

    private static func invalid(_ message: String) -> KafkaRESTError {
        KafkaRESTError(kind: .invalidRequest, message: message)
    }
}
