import Foundation

/// A request body written while the request is under way, of unknown length: the writer
/// appends bytes as it has them, the transport sends them (chunked) as they come.
///
/// Everything written since the transport's last read goes out together, so many small
/// writes made while a chunk is on its way leave as one chunk; a read never waits to fill a
/// chunk. The body can be read once, by one reader at a time: making a new iterator ends the
/// earlier ones, which lets a middleware send the same body again while no byte of it has been
/// read (``isUnread``), for example after a 401 answered before any byte was written.
///
/// ```swift
/// let body = BodyStream()
/// var request = APIRequest(operationID: ProduceOperation.id, method: .post, pathTemplate: ProduceOperation.pathTemplate, path: path)
/// request.body = .stream(body, contentType: "application/json")
/// let response = try await transport.stream(request)
/// body.write { $0.append(contentsOf: recordBytes) }
/// body.finish()
/// ```
public final class BodyStream: AsyncSequence, @unchecked Sendable {
    /// A chunk: every byte written since the previous read.
    public typealias Element = [UInt8]

    private let lock = NSLock()
    /// Bytes written and not yet read; guarded by `lock`.
    private var pending: [UInt8] = []
    /// Whether the writer has finished; guarded by `lock`.
    private var finished = false
    /// Whether any byte was handed to a reader; guarded by `lock`.
    private var read = false
    /// The generation of the newest iterator; older ones end. Guarded by `lock`.
    private var generation = 0
    /// A read waiting for bytes, with its iterator's generation; guarded by `lock`.
    private var waiter: (generation: Int, continuation: CheckedContinuation<[UInt8]?, Never>)?

    /// Creates an empty body.
    public init() {}

    /// Appends bytes: `fill` adds them to the end of the pending bytes, so a writer with
    /// several pieces pays for one hand-over. Does nothing once the body is finished.
    public func write(_ fill: (inout [UInt8]) -> Void) {
        let handOver: (CheckedContinuation<[UInt8]?, Never>, [UInt8])? = lock.withLock {
            guard !finished else { return nil }
            fill(&pending)
            guard !pending.isEmpty, let waiting = waiter else { return nil }
            waiter = nil
            read = true
            return (waiting.continuation, take())
        }
        if let (continuation, bytes) = handOver {
            continuation.resume(returning: bytes)
        }
    }

    /// Ends the body: what was written is still read, then the body ends.
    public func finish() {
        let waiting: CheckedContinuation<[UInt8]?, Never>? = lock.withLock {
            finished = true
            defer { waiter = nil }
            return waiter?.continuation
        }
        waiting?.resume(returning: nil)
    }

    /// Whether no byte has been read so far, so a transport reading it again from the start
    /// sends all of it.
    public var isUnread: Bool {
        lock.withLock { !read }
    }

    /// Reads the body; a new iterator ends the ones made before it.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let body: BodyStream
        let generation: Int

        /// Every byte written since the last read, waiting for the first if there are none;
        /// `nil` once the body is finished and read, when a newer iterator took over, or when
        /// the reading task is cancelled.
        public mutating func next() async -> [UInt8]? {
            await body.next(generation: generation)
        }
    }

    /// An iterator that takes over the body from any earlier one.
    public func makeAsyncIterator() -> AsyncIterator {
        let (current, superseded): (Int, CheckedContinuation<[UInt8]?, Never>?) = lock.withLock {
            generation += 1
            defer { waiter = nil }
            return (generation, waiter?.continuation)
        }
        superseded?.resume(returning: nil)
        return AsyncIterator(body: self, generation: current)
    }

    private func next(generation reader: Int) async -> [UInt8]? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<[UInt8]?, Never>) in
                let ready: [UInt8]?? = lock.withLock {
                    guard reader == generation else { return .some(nil) }
                    if !pending.isEmpty {
                        read = true
                        return .some(take())
                    }
                    if finished || Task.isCancelled { return .some(nil) }
                    waiter = (reader, continuation)
                    return .none
                }
                if let ready {
                    continuation.resume(returning: ready)
                }
            }
        } onCancel: {
            let waiting: CheckedContinuation<[UInt8]?, Never>? = lock.withLock {
                guard let waiting = waiter, waiting.generation == reader else { return nil }
                waiter = nil
                return waiting.continuation
            }
            waiting?.resume(returning: nil)
        }
    }

    /// The pending bytes, leaving an empty buffer of the same capacity. Caller holds `lock`.
    private func take() -> [UInt8] {
        let capacity = pending.capacity
        defer { pending = []; pending.reserveCapacity(capacity) }
        return pending
    }
}
