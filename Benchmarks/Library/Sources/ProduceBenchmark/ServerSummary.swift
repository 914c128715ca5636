/// What a server child saw, printed as its last line (JSON) once its standard input closes.
struct ServerSummary: Codable {
    /// Connections accepted, where the server counts them (the sink does).
    var connections: Int?
    /// Requests served, where the server counts them (the sink does).
    var requests: Int?
    /// Produce streams (chunked requests) the server accepted.
    var streamsOpened: Int
    /// Records stored (test server) or answered (sink), by every mode together.
    var records: Int
    /// The most records one stream had received but not yet answered, where the server tracks it.
    var maxInFlight: Int?
    /// The server process's user and system CPU time.
    var cpuSeconds: Double
    /// The server process's peak RSS, which no client figure includes.
    var peakMebibytes: Double
}
