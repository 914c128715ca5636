/// The exit statuses of `kafka-rest`.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Everything worked.
    case success = 0
    /// Some records or payloads failed (produce, validate), or a batch partly failed.
    case partialFailure = 1
    /// The command line or the configuration is wrong; nothing was sent.
    case usage = 2
    /// The server answered with an error, or a list's next-page link was refused (repeated,
    /// past the page limit, or leading elsewhere) after the pages before it were printed.
    case serverError = 3
    /// The server could not be reached or did not answer in time.
    case transportFailure = 4

    /// One line per status, for `--help` and the README.
    static let summary = """
        0  success
        1  a record or payload failed (produce, validate) or a batch partly failed
        2  usage or configuration error (nothing was sent)
        3  the server answered with an error, or a list's next-page link was refused
        4  transport failure (could not connect, TLS, timeout)
        """
}
