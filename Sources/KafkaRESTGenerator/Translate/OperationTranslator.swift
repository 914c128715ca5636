/// Stage 2b: turns operations into endpoint functions: resolves parameter,
/// request-body and response references, merges path-level parameters,
/// names operations that have no `operationId`, and decides how each
/// function returns.
struct OperationTranslator {
    private let resolver: ReferenceResolver
    var schemas: SchemaTranslator
    private var functionNames = NameScope(reserved: ["init", "transport", "self"])
    var diagnostics: Diagnostics {
        get { schemas.diagnostics }
        set { schemas.diagnostics = newValue }
    }

    init(resolver: ReferenceResolver, schemas: SchemaTranslator) {
        self.resolver = resolver
        self.schemas = schemas
    }

    /// Translates every operation of the document, in file order.
    mutating func translate(_ document: OpenAPIDocument) -> [GeneratedOperation] {
        var operations: [GeneratedOperation] = []
        for item in document.paths {
            for operation in item.operations {
                operations.append(translate(operation, pathParameters: item.parameters))
            }
        }
        return operations
    }

    private mutating func translate(_ operation: Operation, pathParameters: [Ref<Parameter>]) -> GeneratedOperation {
        let written = operation.operationID.flatMap { $0.isEmpty ? nil : $0 }
        let operationID = written ?? OperationNaming.synthesise(method: operation.method, path: operation.path)
        if written == nil {
            diagnostics.warn("operation has no operationId; named '\(operationID)'", at: operation.location)
        }
        let name = functionNames.claim(SwiftNaming.memberName(operationID))
        let typePrefix = SwiftNaming.typeName(name)
        let template = PathTemplate(operation.path)
        let successes = responses(of: operation, success: true, typePrefix: typePrefix)
        return GeneratedOperation(
            name: name,
            operationID: operationID,
            operationIDSynthesised: written == nil,
            method: operation.method.uppercased(),
            path: operation.path,
            pathTemplate: template,
            group: operation.tags.first ?? "Default",
            summary: operation.summary,
            documentation: DocumentationText.lines(operation.description),
            parameters: parameters(of: operation, template: template, pathParameters: pathParameters, typePrefix: typePrefix),
            body: body(of: operation, typePrefix: typePrefix),
            successes: successes,
            failures: responses(of: operation, success: false, typePrefix: typePrefix),
            result: result(for: successes, typePrefix: typePrefix),
            deprecated: operation.deprecated,
            streaming: operation.extensions["x-kafka-rest-streaming"]?.json.bool ?? false,
            availability: availability(of: operation)
        )
    }

    private mutating func availability(of operation: Operation) -> [String] {
        guard let value = operation.extensions["x-kafka-rest-availability"] else { return [] }
        guard case let .array(items) = value.json else {
            diagnostics.warn("'x-kafka-rest-availability' should be a list of strings; ignored", at: value.location)
            return []
        }
        return items.compactMap(\.string)
    }

    private mutating func parameters(of operation: Operation, template: PathTemplate, pathParameters: [Ref<Parameter>], typePrefix: String) -> [GeneratedParameter] {
        var merged: [Parameter] = []
        for ref in pathParameters + operation.parameters {
            guard let parameter = resolver.parameter(ref, &diagnostics) else { continue }
            if let index = merged.firstIndex(where: { $0.name == parameter.name && $0.kind == parameter.kind }) {
                merged[index] = parameter
            } else {
                merged.append(parameter)
            }
        }
        let templateNames = template.parameterNames
        for name in templateNames where !merged.contains(where: { $0.kind == .path && $0.name == name }) {
            diagnostics.warn("path parameter '{\(name)}' is not declared; typed as String", at: operation.location)
            merged.append(Parameter(name: name, kind: .path, required: true, description: nil, schema: nil, explode: false, location: operation.location))
        }
        for parameter in merged where parameter.kind == .path && !templateNames.contains(parameter.name) {
            diagnostics.warn("path parameter '\(parameter.name)' does not appear in the path; ignored", at: parameter.location)
        }
        let ignoredHeaders: Set<String> = ["accept", "content-type", "authorization"]
        let usable = merged.filter { parameter in
            switch parameter.kind {
            case .cookie:
                diagnostics.warn("cookie parameter '\(parameter.name)' is not supported; ignored", at: parameter.location)
                return false
            case .header where ignoredHeaders.contains(parameter.name.lowercased()):
                diagnostics.warn("header parameter '\(parameter.name)' is set by the client; ignored", at: parameter.location)
                return false
            case .path:
                return templateNames.contains(parameter.name)
            default:
                return true
            }
        }
        let pathOrder = usable.filter { $0.kind == .path }.sorted {
            (templateNames.firstIndex(of: $0.name) ?? 0) < (templateNames.firstIndex(of: $1.name) ?? 0)
        }
        var names = NameScope(reserved: ["body", "self"])
        return (pathOrder + usable.filter { $0.kind == .query } + usable.filter { $0.kind == .header }).map { parameter in
            var type = parameter.schema.map { schemas.usage($0, hint: typePrefix + SwiftNaming.typeName(parameter.name)) } ?? .string
            if !isParameterType(type, allowArray: parameter.kind == .query) {
                diagnostics.warn("parameter '\(parameter.name)' has a type that cannot be sent in the \(parameter.kind.rawValue); sent as String", at: parameter.location)
                type = .string
            }
            return GeneratedParameter(
                name: names.claim(SwiftNaming.memberName(parameter.name)),
                wireName: parameter.name,
                kind: parameter.kind,
                type: type,
                required: parameter.required,
                documentation: DocumentationText.lines(parameter.description)
            )
        }
    }

    private func isParameterType(_ type: TypeUsage, allowArray: Bool) -> Bool {
        ParameterTypes.accepts(type, allowArray: allowArray, lookup: schemas.declaredType(named:))
    }

    private mutating func body(of operation: Operation, typePrefix: String) -> GeneratedBody? {
        guard let ref = operation.requestBody, let body = resolver.requestBody(ref, &diagnostics) else { return nil }
        guard let media = body.content.first(where: { BodyFormat.of($0.contentType, request: true) == .json }) ?? body.content.first else {
            diagnostics.warn("request body has no content; ignored", at: body.location)
            return nil
        }
        let documentation = DocumentationText.lines(body.description)
        let format = BodyFormat.of(media.contentType, request: true)
        let type: TypeUsage
        switch format {
        case .json, .form: type = media.schema.map { schemas.usage($0, hint: typePrefix + "Request") } ?? .json
        case .text: type = .string
        case .bytes: type = .data
        }
        var schemaName: String?
        if format == .json || format == .form, case let .reference(text, location)? = media.schema {
            schemaName = resolver.schemaName(text, at: location, &diagnostics)
        }
        return GeneratedBody(type: type, format: format, contentType: media.contentType, schemaName: schemaName, required: body.required, documentation: documentation)
    }

    private mutating func responses(of operation: Operation, success: Bool, typePrefix: String) -> [GeneratedResponse] {
        let selected = operation.responses.filter { $0.status.hasPrefix("2") == success }
        return selected.compactMap { status, ref in
            guard let response = resolver.response(ref, &diagnostics) else { return nil }
            let media = response.content.first(where: { BodyFormat.of($0.contentType, request: false) == .json }) ?? response.content.first
            var type: TypeUsage?
            let format = media.map { BodyFormat.of($0.contentType, request: false) } ?? .json
            if let media, success {
                switch format {
                case .json, .form:
                    let hint = typePrefix + "Response" + (selected.count > 1 ? status : "")
                    type = media.schema.map { schemas.usage($0, hint: hint) } ?? .json
                case .text: type = .string
                case .bytes: type = .data
                }
            }
            return GeneratedResponse(status: status, type: type, contentType: media?.contentType, format: format, description: response.description)
        }
    }

    private mutating func result(for successes: [GeneratedResponse], typePrefix: String) -> OperationResult {
        let distinct = Set(successes.map { $0.type?.swift ?? "" })
        if distinct.count <= 1 {
            return successes.first?.type.map(OperationResult.single) ?? .void
        }
        let enumName = schemas.claimTypeName(typePrefix + "Response")
        var names = NameScope()
        let cases = successes.map { response in
            ResultCase(name: names.claim(StatusNames.caseName(response.status)), status: response.status, type: response.type)
        }
        return .cases(enumName: enumName, cases)
    }
}

/// Swift names for HTTP statuses.
enum StatusNames {
    private static let names: [String: String] = [
        "200": "ok", "201": "created", "202": "accepted", "203": "nonAuthoritativeInformation",
        "204": "noContent", "205": "resetContent", "206": "partialContent", "207": "multiStatus", "2XX": "success",
    ]

    /// The case name for a status key.
    static func caseName(_ status: String) -> String {
        names[status] ?? "status\(status)"
    }
}
