import KafkaRESTSupport
import KafkaRESTValidation
import Logging

/// Checks every JSON request body against its schema (``APIRequest/bodySchemaName``) and Kafka
/// REST's own rules before anything is sent. A body with errors is refused with a
/// ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest`` that lists each violation
/// with its JSON pointer; warnings (such as a deprecated integer user id in an ACL principal)
/// are logged and the request goes on. Enabled by ``KafkaRESTConfiguration/validatesRequests``.
public struct RequestValidationMiddleware: Middleware {
    private let validator: SchemaValidator
    private let logger: Logger

    /// Creates the middleware over `validator` (the generated schema table by default).
    public init(validator: SchemaValidator = SchemaValidator(), logger: Logger) {
        self.validator = validator
        self.logger = logger
    }

    /// The same middleware, warning to `logger`.
    func with(logger: Logger) -> RequestValidationMiddleware {
        RequestValidationMiddleware(validator: validator, logger: logger)
    }

    public func intercept(
        _ request: APIRequest,
        next: @Sendable (APIRequest) async throws -> APIResponse
    ) async throws -> APIResponse {
        let violations = validator.validate(request)
        for warning in violations.warnings {
            logger.warning("request body warning", metadata: [
                "operation": .string(request.operationID),
                "violation": .string(warning.description),
            ])
        }
        let errors = violations.errors
        guard errors.isEmpty else {
            throw KafkaRESTError(
                kind: .invalidRequest,
                operationID: request.operationID,
                message: "the request body does not match \(request.bodySchemaName ?? "its schema"); nothing was sent: "
                    + errors.map(\.description).joined(separator: "; ")
            )
        }
        return try await next(request)
    }
}
