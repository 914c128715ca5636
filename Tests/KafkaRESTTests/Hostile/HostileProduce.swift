import Foundation
import KafkaREST
import Testing

/// The three records every hostile produce run sends, as library records and as CLI arguments.
enum HostileRecords {
    static let count = 3
    static let library = (0..<count).map { KafkaRecord(value: .json(["n": .integer(Int64($0))])) }
    static let arguments = (0..<count).map { #"{"n":\#($0)}"# }
}

/// Producer options for hostile servers: no resends and no waiting, and the open and report
/// deadlines given. The defaults are generous, for what a server does send (a loaded machine
/// must not turn a prompt answer into a timeout); a test of a stall shortens the deadline that
/// the stall is meant to hit.
func hostileProduceOptions(
    openTimeout: Duration = answerTimeout,
    reportTimeout: Duration = answerTimeout
) -> StreamingProducer.Options {
    StreamingProducer.Options(retryBudget: .none, backoff: .none, openTimeout: openTimeout, reportTimeout: reportTimeout)
}

/// Produces ``HostileRecords/library`` to `server` with `client.streamingProducer(topic:)` and
/// returns the results; checks that every record is reported exactly once and that no outcome
/// shows a credential.
func produceHostile(
    _ server: HostileServer,
    tls: Bool = false,
    credentials: Credentials = HostileSecrets.apiKey,
    options: StreamingProducer.Options = hostileProduceOptions(),
    sourceLocation: SourceLocation = #_sourceLocation,
    finished: (StreamingProducer) -> Void = { _ in }
) async throws -> [ProduceResult] {
    let results = try await withHostileClient(server, tls: tls, credentials: credentials) { client in
        let producer = try client.streamingProducer(topic: "events", options: options)
        let reader = Task {
            var results: [ProduceResult] = []
            for await result in producer.results { results.append(result) }
            return results
        }
        for record in HostileRecords.library {
            try? await producer.send(record)
        }
        await producer.finish()
        finished(producer)
        return await reader.value
    }
    #expect(results.map(\.index).sorted() == Array(0..<HostileRecords.count), "every record is reported exactly once", sourceLocation: sourceLocation)
    for result in results {
        expectNoSecret(String(describing: result.outcome), "a record outcome", sourceLocation: sourceLocation)
    }
    return results
}

/// The reason of every result, which must all be unknown; records an issue for any other.
func unknownReasons(_ results: [ProduceResult], sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    results.compactMap { result in
        guard case .unknown(let reason) = result.outcome else {
            Issue.record("expected unknown, got \(result.outcome)", sourceLocation: sourceLocation)
            return nil
        }
        return reason
    }
}

/// The error of every result, which must all be failed; records an issue for any other.
func failures(_ results: [ProduceResult], sourceLocation: SourceLocation = #_sourceLocation) -> [KafkaRESTError] {
    results.compactMap { result in
        guard case .failed(let error) = result.outcome else {
            Issue.record("expected failed, got \(result.outcome)", sourceLocation: sourceLocation)
            return nil
        }
        return error
    }
}

/// The `status` of each JSON result line `kafka-rest produce` printed.
func producedStatuses(_ run: ChildRun) -> [String] {
    run.stdout.split(separator: "\n").compactMap { line in
        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return object?["status"] as? String
    }
}
