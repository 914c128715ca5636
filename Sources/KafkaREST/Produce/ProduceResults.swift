/// The results of a ``StreamingProducer``, one ``ProduceResult`` per record, in the order the
/// reports arrive; it ends after ``StreamingProducer/finish()`` or ``StreamingProducer/cancel()``.
///
/// Results travel in batches, one per delivery-report chunk the producer reads (or per event
/// that settles several records at once), so the cost of handing results over is paid per
/// batch, not per record. Iterate the results one by one, or ``batches`` to handle a batch at
/// a time.
public struct ProduceResults: AsyncSequence, Sendable {
    /// One result.
    public typealias Element = ProduceResult

    /// The same results in the batches they arrive in; never an empty batch.
    public let batches: AsyncStream<[ProduceResult]>

    /// Reads the results one by one from their batches.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncStream<[ProduceResult]>.Iterator
        var batch: [ProduceResult] = []
        var position = 0

        /// The next result, waiting for the next batch when this one is used up; `nil` at the end.
        public mutating func next() async -> ProduceResult? {
            await next(isolation: nil)
        }

        /// The next result, as ``next()`` returns it, read on the caller's actor: a loop over
        /// the results makes no hop to another executor per result.
        public mutating func next(isolation actor: isolated (any Actor)?) async -> ProduceResult? {
            while position == batch.count {
                guard let next = await base.next(isolation: actor) else { return nil }
                batch = next
                position = 0
            }
            defer { position += 1 }
            return batch[position]
        }
    }

    /// An iterator over every result.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: batches.makeAsyncIterator())
    }
}

/// The results of ``StreamingProducer/produce(_:transport:path:options:clock:metricsFactory:logger:)``: as
/// ``ProduceResults``, and it throws at its end when producing stopped on an error.
public struct ProduceResultStream: AsyncSequence, Sendable {
    /// One result.
    public typealias Element = ProduceResult

    /// The same results in the batches they arrive in; never an empty batch.
    public let batches: AsyncThrowingStream<[ProduceResult], any Error>

    /// Reads the results one by one from their batches.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<[ProduceResult], any Error>.Iterator
        var batch: [ProduceResult] = []
        var position = 0

        /// The next result, waiting for the next batch when this one is used up; `nil` at the
        /// end, or the error that ended producing.
        public mutating func next() async throws -> ProduceResult? {
            try await next(isolation: nil)
        }

        /// The next result, as ``next()`` returns it, read on the caller's actor: a loop over
        /// the results makes no hop to another executor per result.
        public mutating func next(isolation actor: isolated (any Actor)?) async throws -> ProduceResult? {
            while position == batch.count {
                guard let next = try await base.next(isolation: actor) else { return nil }
                batch = next
                position = 0
            }
            defer { position += 1 }
            return batch[position]
        }
    }

    /// An iterator over every result.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: batches.makeAsyncIterator())
    }
}
