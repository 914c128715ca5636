import Foundation
import KafkaREST
import Testing

/// A server that stops part-way: no answer at all, a head and nothing, a body dripping one
/// byte every 100 ms, or a body (or delivery report) that never ends.
enum Stall: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case neverAnswers, headThenNothing, slowDrip, endlessBody

    var testDescription: String { rawValue }

    /// The server's mode for a plain request.
    var requestMode: HostileMode {
        switch self {
        case .neverAnswers: .neverAnswers
        case .headThenNothing: .headThenNothing
        case .slowDrip: .slowDrip
        case .endlessBody: .endlessBody
        }
    }

    /// The server's mode for a produce stream: an endless body there is one endless report.
    var produceMode: HostileMode {
        self == .endlessBody ? .endlessReport : requestMode
    }
}

/// Stalling servers cannot make a list request, a produce stream or the CLI hang or grow
/// without bound: each fails within its timeout or limit, and says so.
@Suite("Hostile servers: stalls")
struct HostileStallTests {
    @Test("a list request fails as a transport error; a stall is retried as the policy allows, an endless body is not", arguments: Stall.allCases)
    func listRequest(stall: Stall) async throws {
        try await withinHangCap {
            try await withHostileServer(stall.requestMode) { server in
                let retry = RetryPolicy(maxAttempts: 2, initialBackoff: .milliseconds(10), deadline: .seconds(20))
                let timeout = stall == .endlessBody ? answerTimeout : stallTimeout
                let limit = 1_048_576
                let error = try await withHostileClient(
                    server,
                    timeout: timeout,
                    retry: retry,
                    maximumResponseBodySize: stall == .endlessBody ? limit : nil
                ) { client in
                    await hostileError { try await client.topic.listKafkaTopics(clusterID: HostileSecrets.cluster) }
                }
                let failure = try #require(error as? KafkaRESTError, "\(String(describing: error))")
                #expect(failure.kind == .transport, "\(failure)")
                if stall == .endlessBody {
                    #expect(failure.message.contains("larger than the limit of \(limit) bytes"), "\(failure)")
                    #expect(server.statistics.clusterRequests.count == 1, "a body over the limit is not fetched again")
                } else {
                    #expect(server.statistics.clusterRequests.count == 2, "a GET that timed out is sent once more, as the policy allows")
                }
            }
        }
    }

    @Test("`kafka-rest topics list` exits 4 (transport failure) in bounded memory", arguments: Stall.allCases)
    func listCommand(stall: Stall) async throws {
        try await withinHangCap {
            try await withHostileServer(stall.requestMode) { server in
                let timeout = stall == .endlessBody ? answerTimeout : stallTimeout
                let run = try await runHostileCLI(["topics", "list", "--timeout", "\(timeout.components.seconds)", "--retries", "0"], against: server)
                #expect(run.status == 4, "\(run.stderr)")
                #expect(run.stdout.isEmpty, "\(run.stdout.prefix(500))")
                #expect(run.stderr.contains("error: listKafkaTopics failed"), "\(run.stderr)")
            }
        }
    }

    @Test("a streaming producer reports every record, failed or unknown, with the reason", arguments: Stall.allCases)
    func streamingProducer(stall: Stall) async throws {
        try await withinHangCap {
            try await withHostileServer(stall.produceMode) { server in
                let options = switch stall {
                case .neverAnswers: hostileProduceOptions(openTimeout: stallTimeout)
                case .headThenNothing, .slowDrip: hostileProduceOptions(reportTimeout: stallTimeout)
                case .endlessBody: hostileProduceOptions()
                }
                let results = try await produceHostile(server, options: options)
                switch stall {
                case .neverAnswers:
                    for failure in failures(results) {
                        #expect(failure.message.contains("no response head within"), "\(failure)")
                    }
                case .headThenNothing, .slowDrip:
                    for reason in unknownReasons(results) {
                        #expect(reason.contains("no delivery report for"), "\(reason)")
                    }
                case .endlessBody:
                    for reason in unknownReasons(results) {
                        #expect(reason.contains("longer than the limit of 1048576 bytes"), "\(reason)")
                    }
                }
            }
        }
    }

    @Test("`kafka-rest produce --timeout` bounds the wait for the head and each report; every record is reported and it exits 1 in bounded memory", arguments: Stall.allCases)
    func produceCommand(stall: Stall) async throws {
        try await withinHangCap {
            try await withHostileServer(stall.produceMode) { server in
                // A stall of the head is given the short timeout; a stall of the reports a
                // longer one, so that the head, which does come, is not timed out on a loaded machine.
                let timeout = switch stall {
                case .neverAnswers: stallTimeout
                case .headThenNothing, .slowDrip: Duration.seconds(3)
                case .endlessBody: answerTimeout
                }
                let arguments = ["produce", "events"] + HostileRecords.arguments + ["--timeout", "\(timeout.components.seconds)", "--retries", "0"]
                let run = try await runHostileCLI(arguments, against: server)
                #expect(run.status == 1, "\(run.stderr)")
                let expected = stall == .neverAnswers ? "failed" : "unknown"
                #expect(producedStatuses(run) == Array(repeating: expected, count: HostileRecords.count), "\(run.stdout)")
                #expect(run.stderr.contains("produce: sent 3"), "\(run.stderr)")
                switch stall {
                case .neverAnswers:
                    #expect(run.stdout.contains("no response head within \(timeout)"), "--timeout bounds the wait for the head: \(run.stdout)")
                case .headThenNothing, .slowDrip:
                    #expect(run.stdout.contains("no delivery report for \(timeout)"), "--timeout bounds the wait for a report: \(run.stdout)")
                case .endlessBody:
                    #expect(run.stdout.contains("longer than the limit of 1048576 bytes"), "\(run.stdout)")
                }
            }
        }
    }
}
