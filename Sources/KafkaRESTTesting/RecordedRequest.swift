import Foundation
import KafkaRESTSupport

/// A request the test server received, kept for assertions in tests.
public struct RecordedRequest: Sendable {
    /// The HTTP method, such as `GET`.
    public var method: String
    /// The percent-encoded path as sent, including the base path (for example
    /// `/v3/clusters/test-cluster/topics`), without the query.
    public var path: String
    /// The query parameters in order, percent-decoded.
    public var query: [APIRequest.QueryItem]
    /// The request headers in order.
    public var headers: APIHeaders
    /// The request body; empty if there was none.
    public var body: Data
    /// The `operationId` of the route that matched, or `nil` for an unknown path or method.
    public var operationID: String?

    /// The first value of the query parameter `name`, or `nil`.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}
