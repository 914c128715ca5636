/// One entry of the test server's route table: method, path template, the spec's
/// `operationId` and the handler that answers.
struct Route: Sendable {
    /// Answers a request whose body is complete, with the cluster state locked.
    typealias Handler = @Sendable (RouteRequest, inout ClusterState) throws -> ServerResponse

    let method: String
    let template: PathTemplate
    let operationID: String
    let handler: Handler

    init(_ method: String, _ template: String, _ operationID: String, _ handler: @escaping Handler) {
        self.method = method
        self.template = PathTemplate(template)
        self.operationID = operationID
        self.handler = handler
    }
}

/// Where a request goes.
enum RouteResolution: Sendable {
    /// A route matched the method and path.
    case route(Route, parameters: [String: String])
    /// Routes exist for the path, but none for the method.
    case methodNotAllowed(allowed: [String])
    /// No route has the path.
    case notFound

    /// The matched route's `operationId`.
    var operationID: String? {
        if case .route(let route, _) = self { route.operationID } else { nil }
    }
}

/// The routes below a base path such as `/v3`.
struct RouteTable: Sendable {
    let basePath: String
    let routes: [Route]

    /// Every route the test server implements.
    static func kafkaREST(basePath: String) -> RouteTable {
        RouteTable(
            basePath: basePath,
            routes: ClusterRoutes.all + TopicRoutes.all + TopicConfigRoutes.all + ACLRoutes.all + ProduceRoutes.all
        )
    }

    /// Finds the route for `method` and the percent-encoded `path` (without query).
    ///
    /// Among templates that fit, the one with the most literal segments wins.
    func resolve(method: String, path: String) -> RouteResolution {
        guard let relative = relativePath(path) else { return .notFound }
        let segments = relative.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            String($0).removingPercentEncoding ?? String($0)
        }
        let fitting = routes.compactMap { route in
            route.template.match(segments).map { (route: route, parameters: $0) }
        }
        guard !fitting.isEmpty else { return .notFound }
        let best = fitting
            .filter { $0.route.method == method }
            .max { $0.route.template.literalCount < $1.route.template.literalCount }
        guard let best else {
            return .methodNotAllowed(allowed: Array(Set(fitting.map(\.route.method))).sorted())
        }
        return .route(best.route, parameters: best.parameters)
    }

    /// The part of `path` after the base path, starting with `/`, or `nil` if outside it.
    private func relativePath(_ path: String) -> String? {
        guard path.hasPrefix(basePath) else { return nil }
        let rest = String(path.dropFirst(basePath.count))
        return rest.hasPrefix("/") ? rest : nil
    }
}
