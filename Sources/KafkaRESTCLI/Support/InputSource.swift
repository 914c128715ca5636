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

    /// A source reading `handle` until its end. Each read blocks a dispatch thread, not a
    /// task thread, and happens only when the previous chunk was taken.
    public static func fileHandle(_ handle: FileHandle) -> InputSource {
        let box = UncheckedHandle(handle: handle)
        return InputSource {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(returning: box.handle.availableData)
                }
            }
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

/// A file handle passed to the dispatch thread that reads it; only that thread uses it at a time.
private struct UncheckedHandle: @unchecked Sendable {
    let handle: FileHandle
}
