import Foundation

/// Where the server child listens: the first line it prints, as JSON.
struct ServerAddress: Codable {
    /// The API's base URL, `http://127.0.0.1:<port>/v3`.
    var baseURL: URL
    /// The produce path of the benchmark topic, relative to ``baseURL``.
    var recordsPath: String
}
