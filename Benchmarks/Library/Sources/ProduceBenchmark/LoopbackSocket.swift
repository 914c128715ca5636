import Glibc

/// The few POSIX socket calls the sink and the raw client make, on 127.0.0.1 only.
enum LoopbackSocket {
    /// A TCP socket listening on 127.0.0.1 on a port the system picks, and that port.
    static func listen() throws -> (descriptor: Int32, port: Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else {
            throw SocketError("socket")
        }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                guard bind(descriptor, socketAddress, length) == 0, Glibc.listen(descriptor, 128) == 0 else {
                    return false
                }
                return getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else {
            let error = SocketError("bind, listen or getsockname")
            close(descriptor)
            throw error
        }
        return (descriptor, Int(in_port_t(bigEndian: address.sin_port)))
    }

    /// A TCP socket connected to 127.0.0.1 at `port`, with Nagle's algorithm off.
    static func connect(port: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else {
            throw SocketError("socket")
        }
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                Glibc.connect(descriptor, socketAddress, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else {
            let error = SocketError("connect")
            close(descriptor)
            throw error
        }
        disableNagle(descriptor)
        return descriptor
    }

    /// Turns Nagle's algorithm off, so small writes (a delivery report, a one-record request)
    /// leave at once.
    static func disableNagle(_ descriptor: Int32) {
        var on: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Makes reads on `descriptor` fail with `EAGAIN` after `seconds` without data, so that a
    /// silent peer cannot hold a sink thread forever.
    static func setReceiveTimeout(_ descriptor: Int32, seconds: Int) {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Makes `descriptor` non-blocking.
    static func setNonBlocking(_ descriptor: Int32) throws {
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0 else {
            throw SocketError("fcntl")
        }
    }

    /// Writes every byte of `bytes` to the blocking socket `descriptor`, without `SIGPIPE`.
    static func sendAll(_ descriptor: Int32, _ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                let count = send(descriptor, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                if count > 0 {
                    sent += count
                } else if count < 0, errno == EINTR {
                    continue
                } else {
                    throw SocketError("send")
                }
            }
        }
    }

    /// `sockaddr_in` for 127.0.0.1 and `port`.
    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(port).bigEndian
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        return address
    }
}
