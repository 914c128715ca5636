/// What the server child saw, printed as its last line (JSON) once its standard input closes.
struct ServerSummary: Codable {
    /// Produce streams the server accepted.
    var streamsOpened: Int
    /// The most records one stream had received but not yet answered.
    var maxInFlight: Int
    /// Records stored in the benchmark topic, by every mode together.
    var recordsStored: Int
    /// The server process's peak RSS, which no client figure includes.
    var peakMebibytes: Double
}
