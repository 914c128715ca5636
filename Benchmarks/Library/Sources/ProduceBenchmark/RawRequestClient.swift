import Foundation

/// The raw request client (`--run-mode raw-requests`), the loopback limit for one request per
/// record: no library, `concurrency` threads with one blocking socket each, every record's
/// pre-encoded bytes (``RawRecords``) sent as one `POST` with `Content-Length` in one `send`,
/// and the whole response read before the next. Returns the number of records answered with
/// status 200.
///
/// - Throws: ``SocketError`` or ``HTTPFramingError``, from the first thread that failed.
func runRawRequestClient(records count: Int, concurrency: Int, server: ServerAddress) throws -> Int {
    let records = RawRecords(count: count)
    let port = server.baseURL.port ?? 80
    let head = "POST \(server.baseURL.path + server.recordsPath) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\nContent-Length: "
    let workers = (0..<min(concurrency, count)).map { worker in
        RawRequestWorker(records: records, indices: Array(stride(from: worker, to: count, by: concurrency)), head: Array(head.utf8), port: port)
    }
    let threads = workers.map { worker in Thread { worker.run() } }
    threads.forEach { $0.start() }
    return try workers.reduce(0) { total, worker in try total + worker.result() }
}

/// One thread's share of the raw request client: its records, its socket, its outcome.
private final class RawRequestWorker: @unchecked Sendable {
    private let records: RawRecords
    private let indices: [Int]
    private let head: [UInt8]
    private let port: Int
    private let done = DispatchSemaphore(value: 0)
    /// Written by the worker's thread before it signals ``done``, read after the wait.
    private var outcome: Result<Int, Error> = .success(0)

    init(records: RawRecords, indices: [Int], head: [UInt8], port: Int) {
        self.records = records
        self.indices = indices
        self.head = head
        self.port = port
    }

    /// Sends the worker's records one request each, then signals.
    func run() {
        outcome = Result { try sendAll() }
        done.signal()
    }

    /// The records answered, once ``run()`` has finished, or its error.
    func result() throws -> Int {
        done.wait()
        return try outcome.get()
    }

    private func sendAll() throws -> Int {
        let descriptor = try LoopbackSocket.connect(port: port)
        defer { close(descriptor) }
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var answered = 0
        for index in indices {
            let body = records.byteRange(index..<(index + 1))
            request.removeAll(keepingCapacity: true)
            request.append(contentsOf: head)
            request.append(contentsOf: String(body.count).utf8)
            request.append(contentsOf: [13, 10, 13, 10])
            request.append(contentsOf: records.bytes[body])
            try request.withUnsafeBytes { bytes in
                var written = 0
                while written < bytes.count {
                    let wrote = send(descriptor, bytes.baseAddress! + written, bytes.count - written, Int32(MSG_NOSIGNAL))
                    guard wrote > 0 || errno == EINTR else { throw SocketError("send") }
                    written += max(wrote, 0)
                }
            }
            var response = ResponseCounter()
            while !response.isFinished {
                let received = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if received == 0 {
                    throw HTTPFramingError("the server closed the connection after \(answered) responses")
                } else if received > 0 {
                    try buffer.withUnsafeBufferPointer { try response.feed(UnsafeBufferPointer(rebasing: $0[..<received])) }
                } else if errno != EINTR {
                    throw SocketError("recv")
                }
            }
            // A single produce is answered with one report, without a newline after it.
            answered += 1
        }
        return answered
    }
}
