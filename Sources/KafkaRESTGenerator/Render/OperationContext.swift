/// What `Operations.mustache` renders, the endpoint functions of one API group, and
/// `OperationsProtocol.mustache`, their protocol.
struct OperationsFileContext {
    var header: String
    var group: String
    var typeName: String
    var protocolName: String
    var property: String
    var operations: [OperationContext]
    var responseEnums: [ResponseEnumContext]
    /// The operations with default arguments, which the protocol's extension forwards.
    var defaultingOperations: [OperationContext]
    var hasDefaultingOperations: Bool
}

/// One endpoint function.
struct OperationContext {
    var name: String
    var operationID: String
    var operationIDText: String
    var httpMethod: String
    var pathText: String
    var summary: [String]
    var documentation: [String]
    var hasDocumentation: Bool
    var parameterDocs: [ParameterDocContext]
    var hasParameters: Bool
    /// The parameters with their default arguments (`= nil`), for the struct's function.
    var signature: String
    /// The parameters without default arguments, for the protocol requirement.
    var requirementSignature: String
    /// The parameters of ``signature`` and ``requirementSignature``, one each, for a signature
    /// written one parameter per line.
    var signatureParameters: [String]
    var requirementParameters: [String]
    /// Whether the struct's function declared on one line would be wider than
    /// ``SwiftLiteral/lineWidth``, so each parameter gets a line of its own.
    var multilineSignature: Bool
    /// `name: name` for every parameter, to forward a call to the requirement.
    var forwardedArguments: String
    /// Whether some parameter has a default argument.
    var hasDefaultArguments: Bool
    var returnType: String
    var method: String
    var pathTemplate: String
    var pathExpression: String
    /// The query and header parameters, in the order the function takes them.
    var queryParameters: [ParameterCallContext]
    var headerParameters: [ParameterCallContext]
    var accept: String?
    /// How the request body is set, when there is one.
    var body: BodyContext?
    var binding: String
    var cases: [StatusCaseContext]
    var hasDefaultSuccess: Bool
    var deprecated: Bool
    var statusDocs: [String]
}

/// A query or header parameter the function adds to the request.
struct ParameterCallContext {
    /// The name on the wire, as a Swift literal.
    var wireLiteral: String
    /// The Swift argument, escaped.
    var name: String
}

/// How the function sets its request body: by media type, with its content type and the
/// component schema it follows (Swift literals).
struct BodyContext {
    var required: Bool
    var contentType: String
    var schemaName: String?
    var isJSON: Bool
    var isForm: Bool
    var isText: Bool
    var isBytes: Bool
}

/// `- name: description` lines of a function's documentation.
struct ParameterDocContext {
    var name: String
    var text: String
}

/// One `case` of the status switch: the statuses it matches and what it returns.
struct StatusCaseContext: Equatable {
    /// `200`, `200, 201`, or a range such as `200..<300`.
    var pattern: String
    /// Whether it returns a case of the response enum (``caseName``), for an operation whose
    /// successes have different types.
    var returnsCase: Bool
    var caseName: String
    /// Whether the response has a body to return, and how it is read: decoded from JSON as
    /// ``decodeType``, as UTF-8 text, or as the bytes themselves.
    var hasPayload: Bool
    var decodesJSON: Bool
    var decodesText: Bool
    var keepsBytes: Bool
    var decodeType: String

    /// Whether two statuses return the same way, so one `case` can match both.
    func returnsAlike(_ other: StatusCaseContext) -> Bool {
        var unpatterned = other
        unpatterned.pattern = pattern
        return self == unpatterned
    }
}

/// A response enum for operations with differently typed successes.
struct ResponseEnumContext {
    var name: String
    var operationName: String
    var cases: [ResponseEnumCaseContext]
}

/// One case of a response enum: its name (escaped), its payload type if the status has a
/// body, and the status.
struct ResponseEnumCaseContext {
    var name: String
    var payloadType: String?
    var status: String
}

extension OperationContext {
    init(_ operation: GeneratedOperation) {
        name = SwiftNaming.escaped(operation.name)
        operationID = SwiftLiteral.string(operation.operationID)
        operationIDText = DocumentationText.inline(operation.operationID)
        httpMethod = operation.method
        pathText = DocumentationText.inline(operation.path)
        summary = DocumentationText.lines(operation.summary ?? operation.operationID)
        documentation = operation.documentation
        hasDocumentation = !operation.documentation.isEmpty
        deprecated = operation.deprecated
        method = operation.method.lowercased()
        pathTemplate = SwiftLiteral.string(operation.path)

        var arguments: [Argument] = []
        var docs: [ParameterDocContext] = []
        var pathNames: [String: String] = [:]
        for parameter in operation.parameters where parameter.kind == .path {
            pathNames[parameter.wireName] = SwiftNaming.escaped(parameter.name)
        }
        pathExpression = SwiftLiteral.pathExpression(operation.pathTemplate, arguments: pathNames)
        for parameter in operation.parameters where parameter.kind == .path {
            arguments.append(Argument(name: parameter.name, type: parameter.type.swift, defaulted: false))
            docs.append(ParameterDocContext(name: parameter.name, text: parameter.documentation.first ?? "`\(parameter.wireName)` in the path."))
        }
        if let body = operation.body {
            let type = body.type.swift
            arguments.append(body.required ? Argument(name: "body", type: type, defaulted: false) : Argument(name: "body", type: type + "?", defaulted: true))
            docs.append(ParameterDocContext(name: "body", text: body.documentation.first ?? "The request body (\(body.contentType))."))
            self.body = BodyContext(
                required: body.required,
                contentType: SwiftLiteral.string(body.contentType),
                schemaName: body.schemaName.map(SwiftLiteral.string),
                isJSON: body.format == .json,
                isForm: body.format == .form,
                isText: body.format == .text,
                isBytes: body.format == .bytes
            )
        } else {
            self.body = nil
        }
        var queryParameters: [ParameterCallContext] = []
        var headerParameters: [ParameterCallContext] = []
        for parameter in operation.parameters where parameter.kind != .path {
            let escaped = SwiftNaming.escaped(parameter.name)
            arguments.append(parameter.required
                ? Argument(name: parameter.name, type: parameter.type.swift, defaulted: false)
                : Argument(name: parameter.name, type: parameter.type.swift + "?", defaulted: true))
            docs.append(ParameterDocContext(name: parameter.name, text: parameter.documentation.first ?? "`\(parameter.wireName)` in the \(parameter.kind.rawValue)."))
            let call = ParameterCallContext(wireLiteral: SwiftLiteral.string(parameter.wireName), name: escaped)
            if parameter.kind == .query {
                queryParameters.append(call)
            } else {
                headerParameters.append(call)
            }
        }
        self.queryParameters = queryParameters
        self.headerParameters = headerParameters
        signatureParameters = arguments.map { $0.declaration + ($0.defaulted ? " = nil" : "") }
        requirementParameters = arguments.map(\.declaration)
        signature = signatureParameters.joined(separator: ", ")
        requirementSignature = requirementParameters.joined(separator: ", ")
        forwardedArguments = arguments.map(\.forwarded).joined(separator: ", ")
        hasDefaultArguments = arguments.contains { $0.defaulted }
        parameterDocs = docs
        hasParameters = !docs.isEmpty
        let decoded = operation.successes.filter { $0.type != nil }
        if decoded.contains(where: { $0.format == .json }) {
            accept = SwiftLiteral.string("application/json")
        } else {
            let others = decoded.compactMap(\.contentType)
            accept = others.isEmpty ? nil : SwiftLiteral.string(others.joined(separator: ", "))
        }

        binding = queryParameters.isEmpty && headerParameters.isEmpty && accept == nil && body == nil ? "let" : "var"
        func statusCase(_ response: GeneratedResponse, enumCase: String?) -> StatusCaseContext {
            let hasPayload = response.type != nil
            return StatusCaseContext(
                pattern: Self.pattern(response.status),
                returnsCase: enumCase != nil,
                caseName: enumCase ?? "",
                hasPayload: hasPayload,
                decodesJSON: hasPayload && (response.format == .json || response.format == .form),
                decodesText: hasPayload && response.format == .text,
                keepsBytes: hasPayload && response.format == .bytes,
                decodeType: response.type?.swift ?? ""
            )
        }
        var cases: [StatusCaseContext] = []
        switch operation.result {
        case .void:
            returnType = ""
            cases = operation.successes.map { statusCase($0, enumCase: nil) }
        case let .single(type):
            returnType = " -> \(type.swift)"
            cases = operation.successes.map { statusCase($0, enumCase: nil) }
        case let .cases(enumName, resultCases):
            returnType = " -> \(enumName)"
            cases = zip(operation.successes, resultCases).map { statusCase($0, enumCase: $1.name) }
        }
        hasDefaultSuccess = operation.successes.isEmpty
        multilineSignature = "    public func \(name)(\(signature)) async throws\(returnType) {".count > SwiftLiteral.lineWidth
        self.cases = Self.merged(cases)
        statusDocs = (operation.successes + operation.failures).map { response in
            "`\(response.status)`: \(response.description.map { DocumentationText.lines($0).first ?? "" } ?? "")"
        }
    }

    /// One parameter of the function.
    private struct Argument {
        /// The Swift name, unescaped.
        var name: String
        /// The Swift type, optional (`?`) when the argument may be left out.
        var type: String
        /// Whether the struct's function gives it the default argument `nil`.
        var defaulted: Bool

        /// `name: Type`, the name escaped if it is a keyword.
        var declaration: String { "\(SwiftNaming.escaped(name)): \(type)" }

        /// `name: name` in a call: of the keywords, only `inout` needs escaping as a label there,
        /// and Swift warns about escaping any other.
        var forwarded: String {
            let escaped = SwiftNaming.escaped(name)
            return "\(name == "inout" ? escaped : name): \(escaped)"
        }
    }

    /// Cases with the same statement joined into one (`case 200, 201:`),
    /// ranges last so exact statuses match first.
    private static func merged(_ cases: [StatusCaseContext]) -> [StatusCaseContext] {
        var result: [StatusCaseContext] = []
        for item in cases {
            if let index = result.firstIndex(where: { $0.returnsAlike(item) }) {
                result[index].pattern += ", " + item.pattern
            } else {
                result.append(item)
            }
        }
        return result.sorted { ($0.pattern.contains("..<") ? 1 : 0) < ($1.pattern.contains("..<") ? 1 : 0) }
    }

    /// A switch pattern for a status key: `200`, or a range for `2XX`.
    private static func pattern(_ status: String) -> String {
        if status.count == 3, status.hasSuffix("XX"), let digit = status.first?.wholeNumberValue {
            return "\(digit * 100)..<\(digit * 100 + 100)"
        }
        return status
    }
}

extension ResponseEnumContext {
    init?(_ operation: GeneratedOperation) {
        guard case let .cases(enumName, cases) = operation.result else { return nil }
        name = enumName
        operationName = operation.name
        self.cases = cases.map { resultCase in
            ResponseEnumCaseContext(name: SwiftNaming.escaped(resultCase.name), payloadType: resultCase.type?.swift, status: resultCase.status)
        }
    }
}
