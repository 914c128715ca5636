import KafkaREST

/// Turns any error that ends a command into the lines shown on standard error and an exit status.
struct ErrorReport {
    /// The exit status.
    var status: ExitStatus
    /// What went wrong.
    var message: String
    /// What to do about it, if there is advice.
    var hint: String?

    /// The text for standard error: `error: …` and, with a hint, `hint: …`, each on one line
    /// with control characters shown as escapes (see ``TerminalText``).
    var text: String {
        var text = "error: \(TerminalText.escaped(message))\n"
        if let hint { text += "hint: \(TerminalText.escaped(hint))\n" }
        return text
    }

    init(_ error: CLIError) {
        status = error.status
        message = error.message
        hint = error.hint
    }

    init(_ error: KafkaRESTError) {
        let operation = error.operationID.map { "\($0) failed: " } ?? ""
        switch error.kind {
        case .http:
            var parts: [String] = []
            if let status = error.status { parts.append("HTTP \(status)") }
            if let code = error.errorCode { parts.append("error_code \(code)") }
            let head = parts.isEmpty ? "" : parts.joined(separator: ", ") + ": "
            status = .serverError
            message = operation + head + error.message
            hint = Self.hint(httpStatus: error.status)
        case .decoding:
            status = .serverError
            message = operation + "unexpected response: " + error.message
            hint = "the server's answer does not match the Kafka REST v3 API; check that the endpoint is a Kafka REST v3 endpoint"
        case .transport:
            status = .transportFailure
            message = operation + error.message
            hint = "check --endpoint / KAFKA_REST_ENDPOINT, the network, and --timeout"
        case .invalidRequest where error.operationID == KafkaRESTClient.nextPageOperationID:
            // Earlier pages were fetched and printed, so this is not "nothing was sent": the
            // server's answer held a next-page link the client does not follow.
            status = .serverError
            message = operation + error.message
            hint = "the pages before it were printed; the rest of the list was not fetched"
        case .encoding, .invalidRequest:
            status = .usage
            message = operation + error.message
            hint = nil
        default:
            status = .serverError
            message = operation + "\(error.kind): " + error.message
            hint = nil
        }
    }

    /// Advice for an HTTP error status.
    static func hint(httpStatus: Int?) -> String? {
        switch httpStatus {
        case 401:
            "check KAFKA_REST_API_KEY and KAFKA_REST_API_SECRET (or --api-key and --api-secret-file), or KAFKA_REST_TOKEN; a Confluent Cloud API key must belong to this cluster"
        case 403:
            "the credentials were accepted but lack permission; check the principal's ACLs or role bindings"
        case 404:
            "check the cluster id (--cluster / KAFKA_REST_CLUSTER_ID) and the names given; `kafka-rest cluster list` shows the clusters"
        case 429:
            "rate limited; wait and try again, or raise --retries"
        case let status? where status >= 500:
            "the server failed to handle the request; trying again later may help"
        default:
            nil
        }
    }
}
