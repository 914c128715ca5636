import Foundation

/// A byte stream read on demand: standard input, a file, or bytes given by a test.
public struct InputSource: Sendable {
    /// Returns the next chunk of bytes; an empty chunk means the end of the input.
    public var read: @Sendable () async -> Data

    /// Creates a source from a read function returning an empty chunk at the end.
    public init(read: @escaping @Sendable () async -> Data) {
        self.read = read
    }

    /// A source that yields `data` once, then ends.
    public static func data(_ data: Data) -> InputSource {
        let remaining = LockedValue<Data?>(data)
        return InputSource {
            remaining.withLock { value in
                defer { value = nil }
                return value ?? Data()
            }
        }
    }

    /// The most bytes one read of ``fileHandle(_:)`` returns.
    static let blockSize = 1 << 20

    /// A source reading `handle` until its end, in chunks of at most ``blockSize`` bytes: each
    /// read returns what is available (from a pipe or terminal as soon as anything arrives)
    /// up to that size. A read error ends the input. Each read blocks a dispatch thread, not
    /// a task thread, and happens only when the previous chunk was taken.
    public static func fileHandle(_ handle: FileHandle) -> InputSource {
        let box = UncheckedHandle(handle: handle)
        return InputSource {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(returning: readBlock(from: box.handle.fileDescriptor))
                }
            }
        }
    }

    /// Up to ``blockSize`` bytes from `descriptor`; empty at the end or on an error.
    private static func readBlock(from descriptor: Int32) -> Data {
        var block = Data(count: blockSize)
        while true {
            let count = block.withUnsafeMutableBytes { buffer in
                readSystemCall(descriptor, buffer.baseAddress, buffer.count)
            }
            if count < 0, errno == EINTR { continue }
            block.count = max(count, 0)
            return block
        }
    }

    /// Every remaining byte.
    func readAll() async -> Data {
        var all = Data()
        while true {
            let chunk = await read()
            if chunk.isEmpty { return all }
            all.append(chunk)
        }
    }
}

/// `read(2)`, named apart from ``InputSource/read``.
private func readSystemCall(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// A file handle passed to the dispatch thread that reads it; only that thread uses it at a time.
private struct UncheckedHandle: @unchecked Sendable {
    let handle: FileHandle
}
