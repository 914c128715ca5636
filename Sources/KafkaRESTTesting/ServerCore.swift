import Foundation

/// The test server's behaviour, independent of networking: authentication, routing,
/// faults and the cluster state. Shared by all connections.
final class ServerCore: Sendable {
    let routes: RouteTable
    let links: ResourceLinks
    /// The exact `Authorization` credentials (`key:secret`) required, if any.
    let credentials: String?
    let state = Locked(ServerState())

    init(basePath: String, baseURL: String, clusterID: String, credentials: (key: String, secret: String)?) {
        routes = .kafkaREST(basePath: basePath)
        links = ResourceLinks(base: baseURL, clusterID: clusterID)
        self.credentials = credentials.map { "\($0.key):\($0.secret)" }
    }

    /// Records a complete request and takes the fault it should get, if any.
    func admit(_ request: IncomingRequest) -> Fault? {
        state.withLock { state in
            state.requests.append(request.recorded)
            return state.takeFault(matching: request.faultCandidates)
        }
    }

    /// The normal answer to a complete request.
    func answer(_ request: IncomingRequest) -> ServerResponse {
        guard isAuthorized(request) else {
            return .unauthorized
        }
        switch request.resolution {
        case .notFound:
            return .error(status: 404, code: 404, message: "HTTP 404 Not Found")
        case .methodNotAllowed(let allowed):
            var response = ServerResponse.error(status: 405, code: 405, message: "HTTP 405 Method Not Allowed")
            response.headers.append(("Allow", allowed.joined(separator: ", ")))
            return response
        case .route(let route, let parameters):
            if let clusterID = parameters["cluster_id"], clusterID != links.clusterID {
                return .error(status: 404, code: 404, message: "Cluster \(clusterID) cannot be found.")
            }
            let routeRequest = RouteRequest(
                parameters: parameters,
                query: request.query,
                headers: request.headers,
                body: request.body,
                links: links
            )
            return state.withLock { state in
                do {
                    return try route.handler(routeRequest, &state.cluster)
                } catch let failure as RouteFailure {
                    return failure.response
                } catch {
                    return .error(status: 500, code: 50001, message: "The test server failed: \(error)")
                }
            }
        }
    }

    /// Whether the request carries the required Basic credentials (always, if none are set).
    func isAuthorized(_ request: IncomingRequest) -> Bool {
        guard let credentials else { return true }
        guard let header = request.head.headers.first(name: "Authorization") else { return false }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let decoded = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces))
        else { return false }
        return String(decoding: decoded, as: UTF8.self) == credentials
    }
}
