import Foundation
import KafkaRESTSupport
import NIOHTTP1

/// A request while the server receives it: the head is parsed and routed at once, the
/// body grows as parts arrive.
struct IncomingRequest {
    let head: HTTPRequestHead
    /// The percent-encoded path without the query.
    let path: String
    /// The query parameters in order, percent-decoded.
    let query: [APIRequest.QueryItem]
    let resolution: RouteResolution
    var body = Data()

    init(head: HTTPRequestHead, routes: RouteTable) {
        self.head = head
        let components = URLComponents(string: head.uri)
        path = components?.percentEncodedPath ?? head.uri
        query = (components?.queryItems ?? []).map { APIRequest.QueryItem(name: $0.name, value: $0.value ?? "") }
        resolution = routes.resolve(method: head.method.rawValue, path: path)
    }

    /// The headers in the form tests and route handlers use.
    var headers: APIHeaders {
        APIHeaders(head.headers.map { (name: $0.name, value: $0.value) })
    }

    /// What faults injected with a `matching` string are compared with: the route's path
    /// template and operation name, or the path when no route matched.
    var faultCandidates: [String] {
        if case .route(let route, _) = resolution {
            [route.template.description, route.operationID]
        } else {
            [path]
        }
    }

    var recorded: RecordedRequest {
        RecordedRequest(
            method: head.method.rawValue,
            path: path,
            query: query,
            headers: headers,
            body: body,
            operationID: resolution.operationID
        )
    }
}
