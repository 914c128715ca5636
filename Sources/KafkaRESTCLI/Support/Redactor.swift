import Foundation

/// Replaces secrets (API secret, bearer token, Basic credentials) in text before it is written.
///
/// Configuration registers each secret as soon as it is read, so no message, error or echoed
/// server text can show it, even by accident.
final class Redactor: Sendable {
    /// What a secret is replaced with.
    static let placeholder = "<redacted>"

    private let secrets = LockedValue<[String]>([])

    /// Adds a secret; empty strings are ignored.
    func add(_ secret: String) {
        guard !secret.isEmpty else { return }
        secrets.withLock { list in
            if !list.contains(secret) {
                list.append(secret)
                list.sort { $0.count > $1.count }
            }
        }
    }

    /// `text` with every registered secret replaced by ``placeholder``.
    func scrub(_ text: String) -> String {
        let current = secrets.withLock { $0 }
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
