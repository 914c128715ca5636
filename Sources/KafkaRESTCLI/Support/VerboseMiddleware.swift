import Foundation
import KafkaREST

/// `-v/--verbose`: writes each request and its outcome to standard error, as
/// `> GET /v3/clusters/lkc-1/topics` and `< 200 GET /v3/clusters/lkc-1/topics (12 ms)`;
/// produce streams as `> POST …/records (stream)` and `< 200 POST …/records (stream, 12 ms)`.
///
/// It is one of the client's own middlewares, so it runs before the credentials are added and
/// outside the retries: it sees no `Authorization` header and shows each call once, with the
/// status of its last attempt. It prints no header or body, only the method, path and query;
/// the console it writes to scrubs the run's secrets all the same, and control characters are
/// shown as escapes.
struct VerboseMiddleware: Middleware {
    /// The API base the request paths are relative to.
    let baseURL: URL
    /// Where the lines go (its standard error).
    let console: Console

    /// Sends `request`, printing it and its status or error.
    func intercept(
        _ request: APIRequest,
        next: @Sendable (APIRequest) async throws -> APIResponse
    ) async throws -> APIResponse {
        try await printed(request, stream: false, status: \.status) { try await next(request) }
    }

    /// Opens a streamed `request`, printing it and the status of its response head.
    func interceptStream(
        _ request: APIRequest,
        next: @Sendable (APIRequest) async throws -> StreamedResponse
    ) async throws -> StreamedResponse {
        try await printed(request, stream: true, status: \.status) { try await next(request) }
    }

    /// Runs `send`, printing the request line before and its status or error after.
    private func printed<Response>(
        _ request: APIRequest,
        stream: Bool,
        status: (Response) -> Int,
        _ send: () async throws -> Response
    ) async throws -> Response {
        let line = "\(request.method.rawValue) \(target(of: request))"
        console.printError(TerminalText.escaped("> \(line)\(stream ? " (stream)" : "")"))
        let start = ContinuousClock.now
        do {
            let response = try await send()
            console.printError(TerminalText.escaped("< \(status(response)) \(line) (\(stream ? "stream, " : "")\(Self.milliseconds(since: start)) ms)"))
            return response
        } catch {
            let reason = (error as? KafkaRESTError)?.message ?? "\(error)"
            console.printError(TerminalText.escaped("< failed \(line) (\(Self.milliseconds(since: start)) ms): \(reason)"))
            throw error
        }
    }

    /// The request's percent-encoded path under the base URL and its query, such as
    /// `/v3/clusters/lkc-1/topics?page_token=abc`.
    func target(of request: APIRequest) -> String {
        let url = request.url(relativeTo: baseURL)
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return request.path }
        return components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    /// Whole milliseconds elapsed since `start`.
    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        Int((start.duration(to: .now) / .milliseconds(1)).rounded())
    }
}
