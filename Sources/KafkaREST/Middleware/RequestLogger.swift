import Logging

/// The logger of the call under way, set by ``LoggingMiddleware`` for everything below it, so
/// ``AsyncHTTPClientTransport`` hands it to async-http-client with the request.
enum RequestLogger {
    @TaskLocal static var current: Logger?
}
