import Foundation
import KafkaREST

/// Replaces secrets (API secret, bearer token, Basic credentials) in text before it is written.
///
/// Configuration registers each secret as soon as it is read, so no message, error or echoed
/// server text can show it, even by accident.
final class Redactor: Sendable {
    /// What a secret is replaced with.
    static let placeholder = "<redacted>"

    /// The spellings to replace, longest first.
    private let patterns = LockedValue<[String]>([])

    /// Adds a secret with its escaped spellings (see `SecretSpellings`); secrets shorter than
    /// `SecretSpellings.minimumLength` are ignored, since no output path shows a secret by
    /// construction and replacing a short one would rewrite ordinary output.
    func add(_ secret: String) {
        guard secret.count >= SecretSpellings.minimumLength else { return }
        patterns.withLock { list in
            for spelling in SecretSpellings.of(secret) where !list.contains(spelling) {
                list.append(spelling)
            }
            list.sort { $0.count > $1.count }
        }
    }

    /// Adds an API key and secret as a Basic `Authorization` value, base64 of `key:secret`,
    /// besides the secret itself.
    func addBasicCredentials(key: String, secret: String) {
        add(secret)
        add(Data("\(key):\(secret)".utf8).base64EncodedString())
    }

    /// `text` with every registered spelling replaced by ``placeholder``.
    func scrub(_ text: String) -> String {
        let current = patterns.withLock { $0 }
        return current.reduce(text) { $0.replacingOccurrences(of: $1, with: Self.placeholder) }
    }

    /// Adds the secrets visible before parsing: `KAFKA_REST_API_SECRET` and `KAFKA_REST_TOKEN`
    /// from `environment`, and the values of `--api-secret` and `--token` in `arguments`, so
    /// that even a parse error echoing an argument cannot show them.
    func addSecrets(arguments: [String], environment: [String: String]) {
        add(environment["KAFKA_REST_API_SECRET"] ?? "")
        add(environment["KAFKA_REST_TOKEN"] ?? "")
        let secretOptions: Set<String> = ["--api-secret", "--token"]
        for (index, argument) in arguments.enumerated() {
            if secretOptions.contains(argument), arguments.indices.contains(index + 1) {
                add(arguments[index + 1])
            } else if let equals = argument.firstIndex(of: "="), secretOptions.contains(String(argument[..<equals])) {
                add(String(argument[argument.index(after: equals)...]))
            }
        }
    }
}
