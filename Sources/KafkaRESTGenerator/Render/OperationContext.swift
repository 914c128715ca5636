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
    var queryLines: [String]
    var headerLines: [String]
    var accept: String?
    var bodyLine: String?
    var binding: String
    var cases: [StatusCaseContext]
    var hasDefaultSuccess: Bool
    var deprecated: Bool
    var statusDocs: [String]
}

/// `- name: description` lines of a function's documentation.
struct ParameterDocContext {
    var name: String
    var text: String
}

/// One `case` of the status switch.
struct StatusCaseContext {
    var pattern: String
    var statement: String
}

/// A response enum for operations with differently typed successes.
struct ResponseEnumContext {
    var name: String
    var operationName: String
    var cases: [ResponseEnumCaseContext]
}

/// One case of a response enum.
struct ResponseEnumCaseContext {
    var declaration: String
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
            let contentType = SwiftLiteral.string(body.contentType)
            let schema = body.schemaName.map { ", schemaName: \(SwiftLiteral.string($0))" } ?? ""
            let call: String
            switch body.format {
            case .json: call = "try request.setJSONBody(body, contentType: \(contentType)\(schema))"
            case .form: call = "try request.setFormBody(body, contentType: \(contentType)\(schema))"
            case .text: call = "request.body = .bytes(Data(body.utf8), contentType: \(contentType))"
            case .bytes: call = "request.body = .bytes(body, contentType: \(contentType))"
            }
            bodyLine = body.required ? call : "if let body { \(call) }"
        }
        var queryLines: [String] = []
        var headerLines: [String] = []
        for parameter in operation.parameters where parameter.kind != .path {
            let escaped = SwiftNaming.escaped(parameter.name)
            arguments.append(parameter.required
                ? Argument(name: parameter.name, type: parameter.type.swift, defaulted: false)
                : Argument(name: parameter.name, type: parameter.type.swift + "?", defaulted: true))
            docs.append(ParameterDocContext(name: parameter.name, text: parameter.documentation.first ?? "`\(parameter.wireName)` in the \(parameter.kind.rawValue)."))
            let line = "(\(SwiftLiteral.string(parameter.wireName)), \(escaped))"
            if parameter.kind == .query {
                queryLines.append("request.addQuery" + line)
            } else {
                headerLines.append("request.addHeader" + line)
            }
        }
        self.queryLines = queryLines
        self.headerLines = headerLines
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

        binding = queryLines.isEmpty && headerLines.isEmpty && accept == nil && bodyLine == nil ? "let" : "var"
        let decodeID = operationID
        func payload(_ response: GeneratedResponse) -> String? {
            guard let type = response.type else { return nil }
            switch response.format {
            case .json, .form: return "try response.decode(\(type.swift).self, operationID: \(decodeID))"
            case .text: return "String(decoding: response.body, as: UTF8.self)"
            case .bytes: return "response.body"
            }
        }
        var cases: [StatusCaseContext] = []
        switch operation.result {
        case .void:
            returnType = ""
            for response in operation.successes {
                cases.append(StatusCaseContext(pattern: Self.pattern(response.status), statement: "return"))
            }
        case let .single(type):
            returnType = " -> \(type.swift)"
            for response in operation.successes {
                cases.append(StatusCaseContext(pattern: Self.pattern(response.status), statement: "return \(payload(response) ?? "")"))
            }
        case let .cases(enumName, resultCases):
            returnType = " -> \(enumName)"
            for (response, resultCase) in zip(operation.successes, resultCases) {
                let value = payload(response).map { ".\(resultCase.name)(\($0))" } ?? ".\(resultCase.name)"
                cases.append(StatusCaseContext(pattern: Self.pattern(response.status), statement: "return \(value)"))
            }
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
            if let index = result.firstIndex(where: { $0.statement == item.statement }) {
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
            let declaration = resultCase.type.map { "\(SwiftNaming.escaped(resultCase.name))(\($0.swift))" } ?? SwiftNaming.escaped(resultCase.name)
            return ResponseEnumCaseContext(declaration: declaration, status: resultCase.status)
        }
    }
}
