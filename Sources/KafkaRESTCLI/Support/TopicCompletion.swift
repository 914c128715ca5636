import ArgumentParser
import KafkaREST

/// Shell completion of topic names: asks the endpoint the command line (or the environment,
/// or the context) points at for its topics.
///
/// Best effort: it waits at most ``deadline(environment:)`` for the answer, sends no retries,
/// prints no warning or error, and completes nothing when anything fails.
enum TopicCompletion {
    /// The longest the whole lookup may take: `KAFKA_REST_COMPLETION_TIMEOUT` seconds, else 3.
    static func deadline(environment: [String: String]) -> Duration {
        guard let seconds = environment["KAFKA_REST_COMPLETION_TIMEOUT"].flatMap(Double.init), seconds > 0, seconds.isFinite else {
            return .seconds(3)
        }
        return .milliseconds(Int64(seconds * 1000))
    }

    /// The completion kind for an argument naming an existing topic.
    static let kind = CompletionKind.custom { words, _, prefix in
        await topics(words: words, prefix: prefix)
    }

    /// The options of ``GlobalOptions`` that matter for connecting and take a value.
    static let valueOptions: Set<String> = [
        "--context", "--endpoint", "--cluster", "--api-key", "--api-secret", "--api-secret-file", "--token",
        "--token-file", "--ca-cert", "--client-cert", "--client-key",
    ]

    /// The flags of ``GlobalOptions`` that matter for connecting.
    static let flags: Set<String> = ["--cloud", "--allow-insecure-credentials"]

    /// The sorted names of the topics starting with `prefix`, found with the connection
    /// options among `words`; empty on any failure or at the deadline, when the lookup is
    /// cancelled and not waited for.
    static func topics(words: [String], prefix: String) async -> [String] {
        let environment = CLIContext.current.environment
        let quiet = CLIContext(console: Console(out: { _ in }, err: { _ in }), environment: environment)
        let deadline = deadline(environment: environment)
        let names = await withCheckedContinuation { (continuation: CheckedContinuation<[String], Never>) in
            let pending = LockedValue<CheckedContinuation<[String], Never>?>(continuation)
            let finish: @Sendable ([String]) -> Void = { names in
                pending.withLock { waiting in
                    defer { waiting = nil }
                    return waiting
                }?.resume(returning: names)
            }
            let lookup = Task {
                finish((try? await fetch(arguments: connectionArguments(in: words), context: quiet, timeout: deadline)) ?? [])
            }
            Task {
                try? await Task.sleep(for: deadline)
                lookup.cancel()
                finish([])
            }
        }
        return names.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The connection options among `words` with their values, as `--name value` or
    /// `--name=value`; everything else is left out.
    static func connectionArguments(in words: [String]) -> [String] {
        var arguments: [String] = []
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index]
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            if flags.contains(word) {
                arguments.append(word)
            } else if valueOptions.contains(name), word.contains("=") {
                arguments.append(word)
            } else if valueOptions.contains(word), words.indices.contains(index + 1) {
                arguments += [word, words[index + 1]]
                index += 1
            }
            index += 1
        }
        return arguments
    }

    /// The topic names of the configured cluster, asked with one request per page, each
    /// given at most `timeout`.
    private static func fetch(arguments: [String], context: CLIContext, timeout: Duration) async throws -> [String] {
        var options = try GlobalOptions.parse(arguments)
        options.timeout = timeout / .seconds(1)
        options.retries = 0
        let settings = try ConnectionSettings(options: options, context: context)
        let cluster = try settings.requireClusterID()
        let kafka = try KafkaRESTClient(configuration: settings.configuration)
        do {
            var names: [String] = []
            for try await topic in kafka.items({ try await $0.topic.listKafkaTopics(clusterID: cluster) }) {
                names.append(topic.topicName)
            }
            try? await kafka.shutdown()
            return names
        } catch {
            try? await kafka.shutdown()
            throw error
        }
    }
}
