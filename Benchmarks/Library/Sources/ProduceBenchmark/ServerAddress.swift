import Foundation

/// Where a server child listens, and the cluster and topic to produce to: the first line it
/// prints, as JSON.
struct ServerAddress: Codable {
    /// The API's base URL, `http://127.0.0.1:<port>/v3`.
    var baseURL: URL
    /// The cluster id in produce paths.
    var clusterID: String
    /// The topic every mode produces to.
    var topic: String

    /// The produce path of the topic, relative to ``baseURL``.
    var recordsPath: String {
        "/clusters/\(clusterID)/topics/\(topic)/records"
    }

    /// The produce URL of the topic.
    var recordsURL: String {
        baseURL.absoluteString + recordsPath
    }
}
