import Foundation

/// The raw client (`--run-mode raw`), the loopback limit: no library, one thread, one socket.
/// It sends one chunked `POST` of pre-encoded records, keeping at most `window` of them
/// unreported, ends the body with `0\r\n\r\n` and returns once the response has ended, with the
/// number of reports it counted.
///
/// - Throws: ``SocketError``, ``HTTPFramingError``, or ``RawClientTimeout`` after 30 seconds
///   without progress.
func runRawClient(records count: Int, window: Int, server: ServerAddress) throws -> Int {
    let records = RawRecords(count: count)
    let descriptor = try LoopbackSocket.connect(port: server.baseURL.port ?? 80)
    defer { close(descriptor) }
    try LoopbackSocket.setNonBlocking(descriptor)
    let path = server.baseURL.path + server.recordsPath
    var output = Array("POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(server.baseURL.port ?? 80)\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
    var written = 0
    var sent = 0
    var ended = false
    var response = ResponseCounter()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while !response.isFinished {
        if written == output.count {
            output.removeAll(keepingCapacity: true)
            written = 0
            let room = min(count - sent, window - (sent - response.reports))
            if room > 0 {
                let bytes = records.byteRange(sent..<(sent + room))
                output.append(contentsOf: String(bytes.count, radix: 16).utf8)
                output.append(contentsOf: [13, 10])
                output.append(contentsOf: records.bytes[bytes])
                output.append(contentsOf: [13, 10])
                sent += room
            } else if sent == count, !ended {
                output.append(contentsOf: "0\r\n\r\n".utf8)
                ended = true
            }
        }
        let wantsToWrite = written < output.count
        var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN) | (wantsToWrite ? Int16(POLLOUT) : 0), revents: 0)]
        let ready = poll(&descriptors, 1, 30_000)
        if ready < 0, errno == EINTR {
            continue
        }
        guard ready >= 0 else {
            throw SocketError("poll")
        }
        guard ready > 0 else {
            throw RawClientTimeout(sent: sent, reported: response.reports)
        }
        if descriptors[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
            let received = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if received == 0 {
                throw HTTPFramingError("the server closed the connection after \(response.reports) reports")
            } else if received > 0 {
                try buffer.withUnsafeBufferPointer { try response.feed(UnsafeBufferPointer(rebasing: $0[..<received])) }
            } else if errno != EAGAIN, errno != EINTR {
                throw SocketError("recv")
            }
        }
        if wantsToWrite, descriptors[0].revents & Int16(POLLOUT) != 0 {
            let wrote = output.withUnsafeBytes { send(descriptor, $0.baseAddress! + written, $0.count - written, Int32(MSG_NOSIGNAL)) }
            if wrote > 0 {
                written += wrote
            } else if errno != EAGAIN, errno != EINTR {
                throw SocketError("send")
            }
        }
    }
    return response.reports
}

/// The raw client waited 30 seconds without being able to read or write.
struct RawClientTimeout: Error, CustomStringConvertible {
    var sent: Int
    var reported: Int

    var description: String {
        "no progress for 30 s after sending \(sent) records and reading \(reported) reports"
    }
}
