/// The attempt number of the request being sent, set by ``RetryMiddleware`` for the
/// middlewares inside it (``LoggingMiddleware`` logs it).
enum RetryAttempt {
    /// 1 for the first attempt, 2 for the first retry, and so on.
    @TaskLocal static var current = 1
}
