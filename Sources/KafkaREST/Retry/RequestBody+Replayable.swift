extension RequestBody {
    /// Whether the body can be sent again, which retries require.
    ///
    /// ``RequestBody/bytes(_:contentType:)`` is held in memory and replayable. Bodies that can
    /// be read only once (streams) are not, and ``RetryMiddleware`` and
    /// ``CredentialsMiddleware`` never repeat requests carrying them.
    public var isReplayable: Bool {
        switch self {
        case .bytes: true
        }
    }
}
