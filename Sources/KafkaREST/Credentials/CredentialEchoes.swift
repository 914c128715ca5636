import Foundation

/// The credentials of one request in every spelling a server might echo them in, and their
/// removal from error responses and errors.
///
/// The values are the whole `Authorization` value, its part after the scheme (the base64
/// `key:secret` or the token), and for an API key also `key:secret` and the secret; each as
/// written, JSON-escaped and percent-encoded (see ``SecretSpellings``). A bare secret or token
/// shorter than ``SecretSpellings/minimumLength`` characters is left alone, as replacing it
/// would rewrite ordinary text.
struct CredentialEchoes: Sendable {
    /// What a credential is replaced with.
    static let placeholder = "<redacted>"

    /// The spellings to replace, longest first.
    let spellings: [String]

    /// The echoes of `authorizationValue`, sent for `credentials`.
    init(authorizationValue: String, credentials: Credentials) {
        var values = [authorizationValue]
        if let space = authorizationValue.firstIndex(of: " ") {
            values.append(String(authorizationValue[authorizationValue.index(after: space)...]))
        }
        if case .apiKey(let key, let secret) = credentials {
            values.append("\(key):\(secret)")
            values.append(secret)
        }
        var spellings: [String] = []
        for value in values where value.count >= SecretSpellings.minimumLength {
            for spelling in SecretSpellings.of(value) where !spellings.contains(spelling) {
                spellings.append(spelling)
            }
        }
        self.spellings = spellings.sorted { $0.utf8.count > $1.utf8.count }
    }

    /// `text` with every spelling replaced by ``placeholder``.
    func scrub(_ text: String) -> String {
        spellings.reduce(text) { $0.replacingOccurrences(of: $1, with: Self.placeholder) }
    }

    /// `data` with every spelling's UTF-8 bytes replaced by ``placeholder``; other bytes,
    /// valid UTF-8 or not, stay as they are.
    func scrub(_ data: Data) -> Data {
        var data = data
        let replacement = Data(Self.placeholder.utf8)
        for spelling in spellings {
            let pattern = Data(spelling.utf8)
            var searchStart = data.startIndex
            while let range = data.range(of: pattern, in: searchStart..<data.endIndex) {
                data.replaceSubrange(range, with: replacement)
                searchStart = range.lowerBound + replacement.count
            }
        }
        return data
    }

    /// `response` with its body scrubbed: for an error response, since the error built from
    /// it quotes the server's message and the start of the body.
    func scrub(_ response: APIResponse) -> APIResponse {
        APIResponse(status: response.status, headers: response.headers, body: scrub(response.body))
    }

    /// `error` with its message and body snippet scrubbed.
    func scrub(_ error: KafkaRESTError) -> KafkaRESTError {
        var error = error
        error.message = scrub(error.message)
        error.bodySnippet = error.bodySnippet.map(scrub)
        return error
    }
}
