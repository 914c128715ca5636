import Foundation
import KafkaRESTSupport

/// The state machine behind ``StreamingProducer``: accepts records, spreads them over lanes,
/// writes them to streams, matches reports, resends and reports every record exactly once.
///
/// All mutable state is guarded by `lock`; results are emitted under it, so a cancellation
/// reports everything left in one step. The lock is recursive because finishing the results
/// can release the last reference to the ``StreamingProducer``, whose `deinit` cancels.
/// Lane writers and stream readers are tasks that call back into the engine.
final class ProduceEngine: @unchecked Sendable {
    /// A record waiting for room in the window.
    struct Waiter {
        let id: Int
        let record: KafkaRecord
        let wire: Result<[UInt8], KafkaRESTError>
        let continuation: CheckedContinuation<Void, any Error>
    }

    /// What a lane writer does next.
    enum Step {
        case exit
        case wait
        case sleep(Duration)
        case open
        case write
    }

    let transport: any APITransport
    let path: String
    let options: StreamingProducer.Options
    let clock: any ProduceClock
    let recordBucket: TokenBucket?
    let openBucket: TokenBucket?
    let metrics: ProducerMetrics
    private let emit: @Sendable ([ProduceResult]) -> Void
    private let finishResults: @Sendable (KafkaRESTError?) -> Void

    let lock = NSRecursiveLock()
    var lanes: [ProduceLane]
    var laneTasks: [Task<Void, Never>] = []
    var nextIndex = 0
    var inFlight = 0
    var waiters: [Waiter] = []
    var cancelledWaiters: Set<Int> = []
    var nextWaiterID = 0
    var closed = false
    var cancelled = false
    var fatal: KafkaRESTError?
    var totalResends = 0
    var roundRobin = 0
    var drainWaiters: [CheckedContinuation<Void, Never>] = []
    var resultsFinished = false
    /// Results settled under the lock and not yet handed over; ``locked(_:)`` hands them over
    /// as one batch before it releases the lock.
    var outbox: [ProduceResult] = []

    init(
        transport: any APITransport,
        path: String,
        options: StreamingProducer.Options,
        clock: any ProduceClock,
        metrics: ProducerMetrics,
        emit: @escaping @Sendable ([ProduceResult]) -> Void,
        finishResults: @escaping @Sendable (KafkaRESTError?) -> Void
    ) {
        self.metrics = metrics
        self.transport = transport
        self.path = path
        self.options = options
        self.clock = clock
        self.emit = emit
        self.finishResults = finishResults
        recordBucket = options.limits.streamedRecordsPerSecond.map { TokenBucket(rate: $0, clock: clock) }
        openBucket = options.limits.connectionRequestsPerSecond.map { TokenBucket(rate: $0, clock: clock) }
        lanes = Array(repeating: ProduceLane(), count: options.parallelStreams)
    }

    /// Starts one writer task per lane.
    func start() {
        locked {
            laneTasks = lanes.indices.map { lane in
                Task { await self.runLane(lane) }
            }
        }
    }

    // MARK: Accepting

    /// The record's wire form (its JSON object and a newline, written by the byte-level
    /// writer on the caller's task), or why it cannot be sent: invalid (``KafkaRecord/validate()``)
    /// or too large.
    func encode(_ record: KafkaRecord) -> Result<[UInt8], KafkaRESTError> {
        do {
            try record.validate()
        } catch let error as KafkaRESTError {
            return .failure(error)
        } catch {
            return .failure(Self.kafkaError(error, context: "the record is invalid"))
        }
        var writer = JSONWriter(reservingCapacity: 128)
        record.produceRequest.writeJSON(to: &writer)
        let size = writer.bytes.count
        if let limit = options.limits.maxMessageBytes, size > limit {
            return .failure(Self.oversize(size: size, limit: limit))
        }
        writer.bytes.append(UInt8(ascii: "\n"))
        return .success(writer.bytes)
    }

    /// The error of a record larger than the limit; it is never sent.
    static func oversize(size: Int, limit: Int) -> KafkaRESTError {
        KafkaRESTError(
            kind: .invalidRequest,
            operationID: ProduceOperation.id,
            message: "record not sent: its encoded size of \(size) bytes exceeds the limit of \(limit) bytes"
        )
    }

    /// Waits for room in the window, then accepts the record.
    ///
    /// With room in the window this takes one lock acquisition and no suspension; only a full
    /// window parks the caller.
    func send(_ record: KafkaRecord) async throws {
        try Task.checkCancellation()
        let wire = encode(record)
        let accepted = try locked {
            if let error = refusal() { throw error }
            guard waiters.isEmpty && inFlight < options.maxInFlight else { return false }
            accept(record, wire: wire)
            return true
        }
        if accepted { return }
        let id = locked {
            nextWaiterID += 1
            return nextWaiterID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                locked {
                    if cancelledWaiters.remove(id) != nil {
                        continuation.resume(throwing: CancellationError())
                    } else if let error = refusal() {
                        continuation.resume(throwing: error)
                    } else if waiters.isEmpty && inFlight < options.maxInFlight {
                        accept(record, wire: wire)
                        continuation.resume()
                    } else {
                        waiters.append(Waiter(id: id, record: record, wire: wire, continuation: continuation))
                    }
                }
            }
        } onCancel: {
            locked {
                if let position = waiters.firstIndex(where: { $0.id == id }) {
                    waiters.remove(at: position).continuation.resume(throwing: CancellationError())
                } else {
                    cancelledWaiters.insert(id)
                }
            }
        }
        locked { _ = cancelledWaiters.remove(id) }
    }

    /// Why no record can be accepted now, if so. Caller holds the lock.
    func refusal() -> (any Error)? {
        if cancelled { return CancellationError() }
        if let fatal { return fatal }
        if closed {
            return KafkaRESTError(kind: .invalidRequest, operationID: ProduceOperation.id, message: "the producer is finished and accepts no more records")
        }
        return nil
    }

    /// Gives the record an index and queues it, or reports it failed at once if it cannot be
    /// sent. Caller holds the lock.
    func accept(_ record: KafkaRecord, wire: Result<[UInt8], KafkaRESTError>) {
        let index = nextIndex
        nextIndex += 1
        inFlight += 1
        switch wire {
        case .failure(let error):
            report(PendingRecord(index: index, record: record, wire: [], lane: 0), .failed(error))
        case .success(let bytes):
            let lane = route(record)
            let pending = PendingRecord(index: index, record: record, wire: bytes, lane: lane)
            lanes[lane].queue.append(pending)
            wake(lane)
        }
    }

    /// Accepts waiting records while there is room. Caller holds the lock.
    func admitWaiters() {
        while !waiters.isEmpty && inFlight < options.maxInFlight && refusal() == nil {
            let waiter = waiters.removeFirst()
            accept(waiter.record, wire: waiter.wire)
            waiter.continuation.resume()
        }
    }

    /// The lane for `record`. Caller holds the lock.
    func route(_ record: KafkaRecord) -> Int {
        let count = lanes.count
        guard count > 1 else { return 0 }
        switch options.ordering {
        case .ordered:
            if let partition = record.partition {
                return Int(UInt32(bitPattern: partition) % UInt32(count))
            }
            if let key = record.key {
                return Int(RecordRouting.hash(key) % UInt64(count))
            }
            roundRobin = (roundRobin + 1) % count
            return roundRobin
        case .fast:
            return lanes.indices.min { lanes[$0].load < lanes[$1].load } ?? 0
        }
    }

    // MARK: Reporting

    /// Emits the record's result unless it already has one, and frees its window slot.
    ///
    /// A failure of a record whose earlier send may have been written is reported unknown.
    /// Caller holds the lock.
    func report(_ record: PendingRecord, _ outcome: RecordOutcome) {
        guard !record.reported else { return }
        record.reported = true
        inFlight -= 1
        var outcome = outcome
        if record.mayBeWritten, case .failed(let error) = outcome {
            outcome = .unknown(reason: "an earlier send was cut off by a broken stream and may have been written; the resend failed: \(error)")
        }
        outbox.append(ProduceResult(index: record.index, record: record.record, outcome: outcome))
        admitWaiters()
        if closed || fatal != nil {
            wake(record.lane)
        }
        if inFlight == 0 {
            let continuations = drainWaiters
            drainWaiters = []
            continuations.forEach { $0.resume() }
        }
    }

    /// Whether `record` may be sent once more; if so, counts the resend. Caller holds the lock.
    func takeResend(for record: PendingRecord) -> Bool {
        guard !cancelled, fatal == nil,
              record.resends < options.retryBudget.perRecord,
              totalResends < options.retryBudget.total
        else { return false }
        record.resends += 1
        totalResends += 1
        metrics.resends.increment()
        return true
    }

    /// `error` with a note on why the record was not resent.
    func exhausted(_ error: KafkaRESTError, _ record: PendingRecord) -> KafkaRESTError {
        var error = error
        if record.resends >= options.retryBudget.perRecord {
            error.message += " (not resent: already resent \(record.resends) times, the per-record budget)"
        } else if totalResends >= options.retryBudget.total {
            error.message += " (not resent: the producer's budget of \(options.retryBudget.total) resends is used up)"
        }
        return error
    }

    /// Stops everything after an unrecoverable error: records not yet written fail with it;
    /// records on open streams still get their reports. Caller holds the lock.
    func becomeFatal(_ error: KafkaRESTError) {
        guard fatal == nil else { return }
        fatal = error
        for lane in lanes.indices {
            let queued = lanes[lane].queue
            lanes[lane].queue = []
            for record in queued {
                report(record, .failed(error))
            }
            wake(lane)
        }
        failWaiters(error)
    }

    /// Accepts every waiting record as failed with `error`: each is reported and its
    /// ``send(_:)`` returns. Caller holds the lock.
    func failWaiters(_ error: KafkaRESTError) {
        let failed = waiters
        waiters = []
        for waiter in failed {
            accept(waiter.record, wire: .failure(error))
            waiter.continuation.resume()
        }
    }

    /// Reports a record that ``send(_:)`` refused as failed with `error`, giving it the next
    /// index, unless the results have ended.
    func reportRefused(_ record: KafkaRecord, error: any Error) {
        locked {
            guard !resultsFinished else { return }
            accept(record, wire: .failure(Self.kafkaError(error, context: "the record was not accepted")))
        }
    }

    /// Wakes the lane's writer. Caller holds the lock.
    func wake(_ lane: Int) {
        if let waiter = lanes[lane].waiter {
            lanes[lane].waiter = nil
            waiter.resume()
        } else {
            lanes[lane].wakePending = true
        }
    }

    // MARK: Ending

    /// Stops accepting, waits until every accepted record is reported, then closes the streams
    /// and ends the results.
    func finish() async {
        locked {
            closed = true
            let refused = waiters
            waiters = []
            refused.forEach { $0.continuation.resume(throwing: refusal() ?? CancellationError()) }
            lanes.indices.forEach(wake)
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            locked {
                if inFlight == 0 || cancelled {
                    continuation.resume()
                } else {
                    drainWaiters.append(continuation)
                }
            }
        }
        let tasks = locked { laneTasks }
        for task in tasks {
            await task.value
        }
        locked {
            closeStreams()
            endResults()
        }
    }

    /// Ends every stream: bodies finished, readers cancelled. Caller holds the lock.
    func closeStreams() {
        for lane in lanes.indices {
            for stream in lanes[lane].streams {
                stream.retire()
                stream.abandon()
            }
            lanes[lane].streams = []
            lanes[lane].active = nil
        }
    }

    /// Runs `body` under the lock, then hands the results it settled over as one batch,
    /// still under the lock, so batches keep the order in which records were settled.
    func locked<T>(_ body: () throws -> T) rethrows -> T {
        try lock.withLock {
            defer { handOverResults() }
            return try body()
        }
    }

    /// Hands the settled results over as one batch. Caller holds the lock.
    func handOverResults() {
        guard !outbox.isEmpty else { return }
        let batch = outbox
        outbox.removeAll(keepingCapacity: true)
        metrics.reported(batch)
        metrics.inFlight.record(inFlight)
        emit(batch)
    }

    /// Finishes the results once, after handing over those settled. Caller holds the lock.
    func endResults() {
        guard !resultsFinished else { return }
        handOverResults()
        resultsFinished = true
        finishResults(fatal)
    }

    /// Stops at once: records written without report are unknown, records never written
    /// (waiting senders' included) fail as cancelled, and the results end.
    func cancel() {
        locked {
            guard !cancelled, !resultsFinished else { return }
            cancelled = true
            let notSent = KafkaRESTError(
                kind: .invalidRequest,
                operationID: ProduceOperation.id,
                message: "cancelled before the record was sent",
                underlyingError: CancellationError()
            )
            for lane in lanes.indices {
                let written = lanes[lane].streams.flatMap(\.sent).sorted { $0.index < $1.index }
                for record in written {
                    report(record, .unknown(reason: "cancelled after the record was sent, before its report arrived"))
                }
                for record in lanes[lane].queue {
                    report(record, .failed(notSent))
                }
                lanes[lane].queue = []
                wake(lane)
            }
            failWaiters(notSent)
            closeStreams()
            laneTasks.forEach { $0.cancel() }
            let continuations = drainWaiters
            drainWaiters = []
            continuations.forEach { $0.resume() }
            endResults()
        }
    }
}
