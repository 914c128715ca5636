import Glibc

/// A POSIX call of the sink or the raw client that failed, with its `errno`.
struct SocketError: Error, CustomStringConvertible {
    /// The call, such as `connect`.
    var call: String
    /// `errno` right after the call.
    var code: Int32

    /// The error of `call` that just failed, from the current `errno`.
    init(_ call: String) {
        self.call = call
        code = errno
    }

    var description: String {
        "\(call) failed: \(String(cString: strerror(code)))"
    }
}
