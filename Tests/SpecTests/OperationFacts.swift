/// What one operation puts on the wire: its parameters, request body and responses, with `$ref`s
/// to `components/parameters`, `components/requestBodies` and `components/responses` resolved.
/// Schemas are kept as written; `SchemaComparison` normalises them.
struct OperationFacts: Sendable {
    /// One parameter, merged from the path item and the operation.
    struct Parameter: Sendable {
        let name: String
        let location: String
        let required: Bool
        let schema: SpecValue
    }

    /// The request body.
    struct RequestBody: Sendable {
        let required: Bool
        /// Schema per media type; a media type without a schema maps to the empty schema `{}`.
        let content: [String: SpecValue]
    }

    /// `GET /clusters/{cluster_id}`: upper-case method and the path after the v3 base.
    let key: String
    let path: String
    let method: String
    let operationId: String?
    /// Keyed by `"<in> parameter <name>"`, e.g. `query parameter page_token`.
    let parameters: [String: Parameter]
    let requestBody: RequestBody?
    /// Status (`200`, `5XX`, `default`) → media type → schema.
    let responses: [String: [String: SpecValue]]

    /// HTTP methods a path item can hold, in the order operations are listed.
    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// All operations of `document`, keyed by `key`, with `basePath` stripped from every path.
    static func all(in document: OpenAPIDocument, basePath: String) throws -> [String: OperationFacts] {
        var operations: [String: OperationFacts] = [:]
        for (template, item) in document.paths {
            let pathItem = try document.dereferenced(item)
            let path = template.hasPrefix(basePath) ? String(template.dropFirst(basePath.count)) : template
            let shared = try parameters(pathItem["parameters"], in: document)
            for method in methods {
                guard let operation = pathItem[method] else { continue }
                let facts = try OperationFacts(
                    path: path, method: method, operation: operation, sharedParameters: shared, in: document)
                operations[facts.key] = facts
            }
        }
        return operations
    }

    /// Orders operation keys by path, then by method as listed in `methods`.
    static func sortedKeys(_ operations: [String: OperationFacts]) -> [String] {
        operations.values.sorted { lhs, rhs in
            if lhs.path != rhs.path { return lhs.path < rhs.path }
            return (methods.firstIndex(of: lhs.method) ?? 0) < (methods.firstIndex(of: rhs.method) ?? 0)
        }.map(\.key)
    }

    private init(
        path: String, method: String, operation: SpecValue,
        sharedParameters: [String: Parameter], in document: OpenAPIDocument
    ) throws {
        self.path = path
        self.method = method
        key = "\(method.uppercased()) \(path)"
        operationId = operation["operationId"]?.string
        parameters = sharedParameters.merging(
            try Self.parameters(operation["parameters"], in: document)) { _, operationLevel in operationLevel }
        if let body = operation["requestBody"] {
            let resolved = try document.dereferenced(body)
            requestBody = RequestBody(
                required: resolved["required"]?.bool ?? false,
                content: Self.content(of: resolved))
        } else {
            requestBody = nil
        }
        var responses: [String: [String: SpecValue]] = [:]
        for (status, response) in operation["responses"]?.mapping ?? [:] {
            responses[status] = Self.content(of: try document.dereferenced(response))
        }
        self.responses = responses
    }

    private static func parameters(_ list: SpecValue?, in document: OpenAPIDocument) throws -> [String: Parameter] {
        var result: [String: Parameter] = [:]
        for entry in list?.sequence ?? [] {
            let parameter = try document.dereferenced(entry)
            guard let name = parameter["name"]?.string, let location = parameter["in"]?.string else {
                throw SpecError(description: "parameter without name or in: \(parameter)")
            }
            result["\(location) parameter \(name)"] = Parameter(
                name: name,
                location: location,
                required: parameter["required"]?.bool ?? false,
                schema: parameter["schema"] ?? .mapping([:]))
        }
        return result
    }

    private static func content(of object: SpecValue) -> [String: SpecValue] {
        (object["content"]?.mapping ?? [:]).mapValues { $0["schema"] ?? .mapping([:]) }
    }
}
