import Foundation
import KafkaREST
import Testing

/// Delivery reports a produce stream's server gets wrong on purpose.
enum BadReports: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// Two reports for every record.
    case moreReportsThanRecords
    /// An `error_code` Kafka REST does not define.
    case unknownErrorCode
    /// A report without `error_code`.
    case missingErrorCode
    /// Bytes that are not JSON after the first report.
    case garbageBetweenReports

    var testDescription: String { rawValue }

    /// The server's mode.
    var mode: HostileMode {
        switch self {
        case .moreReportsThanRecords: .answerRecords { Self.delivered($0) + Self.delivered($0 + 100) }
        case .unknownErrorCode: .answerRecords { _ in #"{"error_code":77777,"message":"strange"}"# + "\r\n" }
        case .missingErrorCode: .answerRecords { #"{"cluster_id":"lkc-hostile","topic_name":"events","partition_id":0,"offset":\#($0)}"# + "\r\n" }
        case .garbageBetweenReports: .answerRecords { $0 == 0 ? Self.delivered(0) + "\u{1}garbage]]\r\n" : Self.delivered($0) }
        }
    }

    /// A report delivering to partition 0 at `offset`.
    static func delivered(_ offset: Int) -> String {
        #"{"error_code":200,"cluster_id":"lkc-hostile","topic_name":"events","partition_id":0,"offset":\#(offset)}"# + "\r\n"
    }
}

/// Wrong delivery reports: every record is still reported exactly once, the run ends, and
/// what cannot be trusted is not reported as delivered.
@Suite("Hostile servers: delivery reports")
struct HostileReportTests {
    @Test("a streaming producer reports every record once, and only what a report says", arguments: BadReports.allCases)
    func streamingProducer(reports: BadReports) async throws {
        try await withinHangCap {
            try await withHostileServer(reports.mode) { server in
                var mismatchedStreams = 0
                let results = try await produceHostile(server) { mismatchedStreams = $0.mismatchedStreams }
                #expect(server.statistics.records == HostileRecords.count)
                switch reports {
                case .moreReportsThanRecords:
                    // The protocol has no correlation id: which extra report lands on which
                    // record cannot be asserted, but the surplus is caught (a report with no
                    // record outstanding, or an offset going back) and counted.
                    #expect(results.count == HostileRecords.count)
                    #expect(mismatchedStreams >= 1)
                case .unknownErrorCode:
                    #expect(mismatchedStreams == 0)
                    for failure in failures(results) {
                        #expect(failure.errorCode == 77777 && failure.status == nil, "\(failure)")
                        #expect(failure.message == "strange")
                    }
                case .missingErrorCode:
                    for reason in unknownReasons(results) {
                        #expect(reason.contains("a delivery report could not be decoded"), "\(reason)")
                    }
                case .garbageBetweenReports:
                    let first = try #require(results.first { $0.index == 0 })
                    #expect(first.outcome.delivery == nil || first.outcome.delivery?.offset == 0, "\(first.outcome)")
                    for reason in unknownReasons(results.filter { $0.index != 0 }) {
                        #expect(reason.contains("expected a JSON object at byte 97 of the stream, found byte 0x1"), "\(reason)")
                    }
                }
            }
        }
    }

    @Test("`kafka-rest produce` prints one result per record and exits as documented", arguments: BadReports.allCases)
    func produceCommand(reports: BadReports) async throws {
        try await withinHangCap {
            try await withHostileServer(reports.mode) { server in
                let run = try await runHostileCLI(["produce", "events"] + HostileRecords.arguments + ["--timeout", "\(answerTimeout.components.seconds)", "--retries", "0"], against: server)
                let statuses = producedStatuses(run)
                #expect(statuses.count == HostileRecords.count, "\(run.stdout)")
                switch reports {
                case .moreReportsThanRecords:
                    #expect(run.status == 1, "\(run.stderr)")
                    #expect(run.stderr.contains("stopped matching their records"), "\(run.stderr)")
                case .unknownErrorCode:
                    #expect(run.status == 1, "\(run.stderr)")
                    #expect(statuses == ["failed", "failed", "failed"])
                case .missingErrorCode:
                    #expect(run.status == 1, "\(run.stderr)")
                    #expect(statuses == ["unknown", "unknown", "unknown"])
                case .garbageBetweenReports:
                    #expect(run.status == 1, "\(run.stderr)")
                    #expect(["delivered", "unknown"].contains(statuses.first) && statuses.dropFirst() == ["unknown", "unknown"], "\(statuses)")
                }
            }
        }
    }

    @Test("a report followed by garbage in the same chunk is applied")
    func reportBeforeGarbageInOneChunk() async throws {
        try await withinHangCap {
            try await withHostileServer(BadReports.garbageBetweenReports.mode) { server in
                let results = try await produceHostile(server)
                let first = try #require(results.first { $0.index == 0 })
                #expect(first.outcome.delivery?.offset == 0, "\(first.outcome)")
            }
        }
    }
}
