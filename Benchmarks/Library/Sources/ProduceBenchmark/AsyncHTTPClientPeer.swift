import AsyncHTTPClient
import Foundation
import NIOCore

/// The peer of one request per record: async-http-client alone, posting each record's
/// pre-encoded bytes (``RawRecords``) with `concurrency` requests in flight and counting the
/// responses with status 200. What the library adds to one request is the difference between
/// the two modes' CPU per record in the same run.
func produceWithAsyncHTTPClient(count: Int, concurrency: Int, server address: ServerAddress) async throws -> Int {
    let records = RawRecords(count: count)
    let url = address.recordsURL
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(timeout: .init(connect: .seconds(5), read: .seconds(120))))
    let delivered: Int
    do {
        delivered = try await inParallel(workers: concurrency, items: count) { index in
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: records.bytes[records.byteRange(index..<(index + 1))]))
            let response = try await client.execute(request, timeout: .seconds(120))
            _ = try await response.body.collect(upTo: 1 << 20)
            return response.status == .ok ? 1 : 0
        }
    } catch {
        try? await client.shutdown()
        throw error
    }
    try await client.shutdown()
    return delivered
}
