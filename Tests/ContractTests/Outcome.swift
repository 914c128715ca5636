import KafkaRESTSupport

/// How a call ended, compared with the example response the server was to answer.
enum Outcome {
    case returned
    case threw(any Error)

    static func of(_ call: () async throws -> Void) async -> Outcome {
        do {
            try await call()
            return .returned
        } catch {
            return .threw(error)
        }
    }

    /// `nil` when the outcome fits `example`: a 2xx decoded into the generated type; an error
    /// status became a ``KafkaRESTError`` of kind `http` with that status and the example's
    /// `error_code`. Otherwise what went wrong.
    func mismatch(expecting example: ContractServer.ExampleResponse) -> String? {
        switch self {
        case .returned:
            return (200..<300).contains(example.status) ? nil : "returned, but the server answered \(example.status)"
        case .threw(let error):
            guard let error = error as? KafkaRESTError else { return "threw \(error)" }
            let said = error.bodySnippet.map { " — server said: \($0)" } ?? ""
            guard (400..<600).contains(example.status) else { return "\(error)\(said)" }
            guard error.kind == .http, error.status == example.status else { return "expected HTTP \(example.status), got \(error)\(said)" }
            guard error.errorCode == example.errorCode else {
                return "error_code \(error.errorCode.map(String.init) ?? "none"), example has \(example.errorCode.map(String.init) ?? "none")"
            }
            return nil
        }
    }
}
