extension RequestBody {
    /// Whether the body can be sent again, which retries require.
    ///
    /// ``RequestBody/bytes(_:contentType:)`` is held in memory and replayable.
    /// ``RequestBody/stream(_:contentType:)`` can be read only once, and ``RetryMiddleware``
    /// never repeats a request carrying it.
    public var isReplayable: Bool {
        switch self {
        case .bytes: true
        case .stream: false
        }
    }

    /// Whether the body can be sent again from the start now: a replayable body always, a
    /// stream while none of it was read (so a request refused before any byte was written,
    /// such as a 401 to an expired token, can be repeated).
    var canStartOver: Bool {
        switch self {
        case .bytes: true
        case .stream(let body, _): body.isUnread
        }
    }
}
