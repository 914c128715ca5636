import Foundation

/// The hidden `--sink` role: the minimal sink, an HTTP/1.1 server on raw POSIX sockets with a
/// thread per connection (see ``SinkConnection``), whose own cost per record is one byte scan
/// and one canned report. It prints its ``ServerAddress`` as one JSON line, serves until
/// standard input closes (the parent closes it, or exits), then prints a ``ServerSummary`` line.
///
/// Any method and path get delivery reports; the address names cluster `c` and topic `t`.
func runSink() throws {
    let (listener, port) = try LoopbackSocket.listen()
    defer { close(listener) }
    try writeJSONLine(ServerAddress(
        baseURL: URL(string: "http://127.0.0.1:\(port)/v3")!,
        clusterID: "c",
        topic: "t"
    ))
    let tally = SinkTally()
    var descriptors = [
        pollfd(fd: listener, events: Int16(POLLIN), revents: 0),
        pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
    ]
    var scratch = [UInt8](repeating: 0, count: 256)
    while true {
        guard poll(&descriptors, nfds_t(descriptors.count), 1_000) >= 0 || errno == EINTR else {
            throw SocketError("poll")
        }
        if descriptors[1].revents != 0 {
            let count = read(STDIN_FILENO, &scratch, scratch.count)
            if count == 0 || count < 0 && errno != EINTR {
                break
            }
        }
        if descriptors[0].revents & Int16(POLLIN) != 0 {
            let connection = accept(listener, nil, nil)
            if connection >= 0 {
                tally.connections.add(1)
                Thread.detachNewThread {
                    var served = SinkConnection(descriptor: connection, tally: tally)
                    served.serve()
                }
            }
        }
    }
    try writeJSONLine(ServerSummary(
        connections: tally.connections.value,
        requests: tally.requests.value,
        streamsOpened: tally.streams.value,
        records: tally.records.value,
        maxInFlight: nil,
        cpuSeconds: ownCPUSeconds(),
        peakMebibytes: peakResidentMebibytes()
    ))
}
