import Logging

/// The logger of the call under way, set by ``LoggingMiddleware`` for everything below it, so
/// ``AsyncHTTPClientTransport`` hands it to async-http-client with the request; `nil` when the
/// logger takes no debug messages (async-http-client logs none above debug).
enum RequestLogger {
    @TaskLocal static var current: Logger?
}
