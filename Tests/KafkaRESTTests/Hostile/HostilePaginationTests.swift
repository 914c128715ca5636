import Foundation
import KafkaREST
import Testing

/// List pages whose `next` links never end or lead out of the API with dot segments.
@Suite("Hostile servers: next-page links")
struct HostilePaginationTests {
    /// The topics path of the hostile cluster.
    static let topicsPath = "/v3/clusters/\(HostileSecrets.cluster)/topics"

    /// Answers every list request with one topic and a `next` link; `next(port, page)` gives
    /// the link of page `page` (counting from 1).
    static func pages(next: @escaping @Sendable (Int, Int) -> String) -> HostileMode {
        .respond { request in
            let page = request.target.split(separator: "=").last.flatMap { Int($0) } ?? 1
            let topic = #"{"kind":"KafkaTopic","metadata":{"self":"x"},"cluster_id":"\#(HostileSecrets.cluster)","topic_name":"t-\#(page)","is_internal":false,"replication_factor":1,"partitions_count":1,"partitions":{"related":"x"},"configs":{"related":"x"},"partition_reassignments":{"related":"x"}}"#
            return .json(200, #"{"kind":"KafkaTopicList","metadata":{"self":"x","next":"\#(next(request.port, page))"},"data":[\#(topic)]}"#)
        }
    }

    /// Every page links to the following one.
    static let endless = pages { port, page in "http://127.0.0.1:\(port)\(topicsPath)?page=\(page + 1)" }

    /// Next links of the same server whose path has a dot segment in some spelling.
    static let dotSegmentPaths = [
        "/v3/../admin/topics",
        "/v3/clusters/%2e%2e/topics",
        "/v3/clusters/%2E./topics",
        "/v3/clusters/\(HostileSecrets.cluster)/topics/./x",
    ]

    @Test("an endless chain of next links stops at maximumPages with an error")
    func endlessPages() async throws {
        try await withinHangCap {
            try await withHostileServer(Self.endless) { server in
                let (names, error) = try await withHostileClient(server) { client in
                    var names: [String] = []
                    do {
                        for try await topic in client.items(maximumPages: 25, { try await $0.topic.listKafkaTopics(clusterID: HostileSecrets.cluster) }) {
                            names.append(topic.topicName)
                        }
                        return (names, nil as (any Error)?)
                    } catch {
                        return (names, error)
                    }
                }
                #expect(names == (1...25).map { "t-\($0)" })
                let failure = try #require(error as? KafkaRESTError)
                #expect(failure.kind == .invalidRequest && failure.message.contains("more than 25 pages"), "\(failure)")
                #expect(server.statistics.clusterRequests.count == 25)
            }
        }
    }

    /// Every page links to another, in a loop of three: page 3 links to `?page=1`, whose
    /// next link is page 2's again.
    static let loop = pages { port, page in "http://127.0.0.1:\(port)\(topicsPath)?page=\(page % 3 + 1)" }

    /// The CLI walks the same cursor as ``endlessPages()``, with the default limit of 10,000
    /// pages; walking it from the debug binary costs about 20 s of CPU on 2 cores and starves
    /// the timing tests that run alongside, so the CLI is given an endless loop of links instead.
    @Test("`kafka-rest topics list` follows an endless loop of next links until a link repeats, then exits 3")
    func endlessLoopCommand() async throws {
        try await withinHangCap {
            try await withHostileServer(Self.loop) { server in
                let run = try await runHostileCLI(["topics", "list", "--retries", "0"], against: server)
                #expect(run.status == 3, "\(run.stderr)")
                let names = try run.stdout.split(separator: "\n").map { line in
                    try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["topic_name"] as? String
                }
                #expect(names == ["t-1", "t-2", "t-3", "t-1"])
                #expect(run.stderr.contains("a second time"), "\(run.stderr)")
                #expect(server.statistics.clusterRequests.count == 4)
            }
        }
    }

    @Test("a next link with a dot segment is refused before it is fetched", arguments: dotSegmentPaths)
    func dotSegments(path: String) async throws {
        try await withinHangCap {
            try await withHostileServer(Self.pages { port, _ in "http://127.0.0.1:\(port)\(path)" }) { server in
                let (names, error) = try await withHostileClient(server) { client in
                    var names: [String] = []
                    do {
                        for try await topic in client.items({ try await $0.topic.listKafkaTopics(clusterID: HostileSecrets.cluster) }) {
                            names.append(topic.topicName)
                        }
                        return (names, nil as (any Error)?)
                    } catch {
                        return (names, error)
                    }
                }
                #expect(names == ["t-1"])
                let failure = try #require(error as? KafkaRESTError)
                #expect(failure.kind == .invalidRequest && failure.message.contains("segment"), "\(failure)")
                #expect(server.statistics.requests.map(\.target) == [Self.topicsPath])
            }
        }
    }

    @Test("`kafka-rest topics list` prints the first page, then exits 3 when a next link is refused", arguments: dotSegmentPaths)
    func dotSegmentsCommand(path: String) async throws {
        try await withinHangCap {
            try await withHostileServer(Self.pages { port, _ in "http://127.0.0.1:\(port)\(path)" }) { server in
                let run = try await runHostileCLI(["topics", "list", "--retries", "0"], against: server)
                #expect(run.status == 3, "the first page was sent and printed, so not 2 (nothing was sent): \(run.stderr)")
                #expect(run.stdout.contains(#""topic_name":"t-1""#), "\(run.stdout)")
                #expect(run.stderr.contains("nextPage failed"), "\(run.stderr)")
                #expect(server.statistics.requests.map(\.target) == [Self.topicsPath])
            }
        }
    }
}
