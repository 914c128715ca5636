import Foundation
import NIOCore

/// A streamed request body that hands AsyncHTTPClient everything written since its last
/// pull as one buffer, so records written while a chunk is on its way leave together in the
/// next chunk instead of one chunk (and one write) each. Nothing waits to fill a chunk: a
/// pull returns as soon as any bytes are there.
///
/// A task moves the chunks of the source into the buffer; it ends with the source.
final class CoalescingRequestBody: AsyncSequence, @unchecked Sendable {
    typealias Element = ByteBuffer

    private let lock = NSLock()
    /// Bytes written and not yet pulled; guarded by `lock`.
    private var pending = ByteBuffer()
    /// Whether the source has finished; guarded by `lock`.
    private var ended = false
    /// A pull waiting for bytes; guarded by `lock`.
    private var waiter: CheckedContinuation<ByteBuffer?, Never>?
    private var pump: Task<Void, Never>?

    init(_ source: AsyncStream<Data>) {
        pump = Task { [weak self] in
            for await chunk in source {
                guard let self else { return }
                self.append(chunk)
            }
            self?.end()
        }
    }

    deinit {
        pump?.cancel()
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        let body: CoalescingRequestBody

        func next() async -> ByteBuffer? {
            await body.pull()
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(body: self)
    }

    /// Everything written so far, waiting for the first bytes if there are none; `nil` once
    /// the source has finished and everything was pulled, or when the pulling task is cancelled.
    private func pull() async -> ByteBuffer? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<ByteBuffer?, Never>) in
                lock.withLock {
                    if pending.readableBytes > 0 {
                        continuation.resume(returning: takePending())
                    } else if ended || Task.isCancelled {
                        continuation.resume(returning: nil)
                    } else {
                        waiter = continuation
                    }
                }
            }
        } onCancel: {
            let waiting = lock.withLock {
                defer { waiter = nil }
                return waiter
            }
            waiting?.resume(returning: nil)
        }
    }

    private func append(_ chunk: Data) {
        let handOver: (CheckedContinuation<ByteBuffer?, Never>, ByteBuffer)? = lock.withLock {
            pending.writeBytes(chunk)
            guard let waiter else { return nil }
            self.waiter = nil
            return (waiter, takePending())
        }
        if let (waiting, bytes) = handOver {
            waiting.resume(returning: bytes)
        }
    }

    private func end() {
        let waiting: CheckedContinuation<ByteBuffer?, Never>? = lock.withLock {
            ended = true
            defer { waiter = nil }
            return waiter
        }
        waiting?.resume(returning: nil)
    }

    /// The pending bytes, leaving none. Caller holds `lock`.
    private func takePending() -> ByteBuffer {
        defer { pending = ByteBuffer() }
        return pending
    }
}
