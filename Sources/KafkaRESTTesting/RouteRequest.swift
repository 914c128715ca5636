import Foundation
import KafkaRESTAPI
import KafkaRESTSupport

/// A request as a route handler sees it: path parameters resolved, body complete.
struct RouteRequest: Sendable {
    /// Path parameters by name, percent-decoded, such as `topic_name`.
    var parameters: [String: String]
    /// Query parameters in order, percent-decoded.
    var query: [APIRequest.QueryItem]
    var headers: APIHeaders
    var body: Data
    /// Absolute URLs of the server's resources.
    var links: ResourceLinks

    /// The path parameter `name`; routes only ask for parameters their template has.
    func parameter(_ name: String) -> String {
        parameters[name] ?? ""
    }

    /// The first value of the query parameter `name`, or `nil`.
    func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// The body decoded from JSON as `T`.
    ///
    /// - Throws: ``RouteFailure`` 415 if the body is not `application/json`, 400 if it is
    ///   empty, not JSON or not shaped like `T`.
    func decodeBody<T: Decodable>(_ type: T.Type) throws -> T {
        try requireJSONContentType()
        guard !body.isEmpty else {
            throw RouteFailure(.error(status: 400, code: 400, message: "Request body is empty. Data is required."))
        }
        guard (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])) != nil else {
            throw RouteFailure(.error(status: 400, code: 400, message: "Payload error. The request body is not valid JSON."))
        }
        do {
            return try JSONDecoder().decode(T.self, from: body)
        } catch {
            throw RouteFailure(.error(status: 400, code: 400, message: "Payload error. \(error)"))
        }
    }

    /// - Throws: ``RouteFailure`` 415 unless `Content-Type` is `application/json` (parameters allowed).
    func requireJSONContentType() throws {
        let contentType = headers["Content-Type"] ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard mediaType.lowercased() == "application/json" else {
            let shown = contentType.isEmpty ? "(none)" : contentType
            throw RouteFailure(.error(status: 415, code: 415, message: "Content-Type \(shown) is not accepted here."))
        }
    }
}

/// Absolute URLs of the test server's resources, as sent in `metadata.self` and `related`.
struct ResourceLinks: Sendable {
    /// The base URL without a trailing slash, such as `http://127.0.0.1:8082/v3`.
    let base: String
    let clusterID: String

    var cluster: String { "\(base)/clusters/\(encode(clusterID))" }
    var clusterResourceName: String { "crn:///kafka=\(clusterID)" }

    func topic(_ name: String) -> String { "\(cluster)/topics/\(encode(name))" }
    func topicResourceName(_ name: String) -> String { "\(clusterResourceName)/topic=\(name)" }
    func topicConfig(_ topic: String, _ name: String) -> String { "\(self.topic(topic))/configs/\(encode(name))" }

    /// The URL of the ACL list filtered by `query`.
    func acls(_ query: [APIRequest.QueryItem]) -> String {
        let list = "\(cluster)/acls"
        guard !query.isEmpty else { return list }
        return list + "?" + query.map { "\(PathSegment.encode($0.name))=\(PathSegment.encode($0.value))" }.joined(separator: "&")
    }

    private func encode(_ segment: String) -> String {
        PathSegment.encode(segment)
    }
}
