import Foundation
import KafkaRESTSupport
import Logging

/// Drives a ``ProduceStateMachine`` for ``StreamingProducer``: feeds it events from senders,
/// lane writers and stream readers under one lock, and performs what it returns after
/// releasing it. Results are handed over under a second lock, taken before the first is
/// released, so batches keep the order records were settled in and the results end after the
/// last of them, while a sender that only needs the machine does not wait for a batch to be
/// handed over.
final class ProduceEngine: @unchecked Sendable {
    /// The I/O of one open stream.
    struct StreamIO {
        /// Where its records are written.
        let body: BodyStream
        /// The task reading its reports.
        var reader: Task<Void, Never>?
        /// The task that abandons it when reports stop coming.
        var watchdog: Task<Void, Never>?
    }

    /// How a parked lane writer is woken.
    struct LaneSignal {
        /// The writer, while it waits.
        var waiter: CheckedContinuation<Void, Never>?
        /// A wake-up that came before the writer parked.
        var pending = false
    }

    /// Everything the lock guards.
    struct State {
        var machine: ProduceStateMachine
        /// Senders waiting for room, by waiter id.
        var senders: [Int: CheckedContinuation<Void, any Error>] = [:]
        /// Answers for waiting senders that came before their continuation was stored.
        var earlyAnswers: [Int: (any Error)?] = [:]
        var signals: [LaneSignal]
        /// ``finish()`` calls waiting for every record to be reported.
        var drainers: [CheckedContinuation<Void, Never>] = []
        var streams: [ProduceStreamID: StreamIO] = [:]
        var laneTasks: [Task<Void, Never>] = []
    }

    /// What performing one event's effects takes, gathered under the lock, done outside it.
    struct Work {
        var results: [ProduceResult] = []
        var senders: [(CheckedContinuation<Void, any Error>, (any Error)?)] = []
        var writers: [CheckedContinuation<Void, Never>] = []
        var bodies: [BodyStream] = []
        var tasks: [Task<Void, Never>] = []
        var drainers: [CheckedContinuation<Void, Never>] = []
        var endsResults = false
        var fatal: KafkaRESTError?

        /// Whether it hands results over or ends them, so it takes the hand-over lock.
        var handsOver: Bool {
            !results.isEmpty || endsResults
        }

        /// Hands the results over, then ends them if asked; under the hand-over lock.
        func handOver(emit: ([ProduceResult]) -> Void, finishResults: (KafkaRESTError?) -> Void) {
            if !results.isEmpty {
                emit(results)
            }
            if endsResults {
                finishResults(fatal)
            }
        }

        /// Resumes, ends and stops what the effects named; under no lock, since stopping a
        /// task runs its cancellation handlers here.
        func perform() {
            for (continuation, error) in senders {
                if let error {
                    continuation.resume(throwing: error)
                } else {
                    continuation.resume()
                }
            }
            writers.forEach { $0.resume() }
            bodies.forEach { $0.finish() }
            tasks.forEach { $0.cancel() }
            drainers.forEach { $0.resume() }
        }
    }

    let transport: any APITransport
    let path: String
    let options: StreamingProducer.Options
    let clock: ProduceClock
    let metrics: ProducerMetrics
    let logger: Logger?
    private let emit: @Sendable ([ProduceResult]) -> Void
    private let finishResults: @Sendable (KafkaRESTError?) -> Void
    private let lock = NSLock()
    /// Held while results are handed over or ended; taken while holding `lock`, so hand-overs
    /// happen in the order of the events that settled them.
    private let handOver = NSLock()
    private var state: State

    init(
        transport: any APITransport,
        path: String,
        options: StreamingProducer.Options,
        clock: ProduceClock,
        metrics: ProducerMetrics,
        logger: Logger?,
        emit: @escaping @Sendable ([ProduceResult]) -> Void,
        finishResults: @escaping @Sendable (KafkaRESTError?) -> Void
    ) {
        self.metrics = metrics
        self.logger = logger
        self.transport = transport
        self.path = path
        self.options = options
        self.clock = clock
        self.emit = emit
        self.finishResults = finishResults
        state = State(
            machine: ProduceStateMachine(options: options, now: clock.now),
            signals: Array(repeating: LaneSignal(), count: options.parallelStreams)
        )
    }

    /// Starts one writer task per lane.
    func start() {
        withState { state in
            state.laneTasks = (0..<options.parallelStreams).map { lane in
                Task { await self.runLane(lane) }
            }
            return ((), .init())
        }
    }

    /// Runs `event` under the lock and gathers the work its effects ask for; hands the results
    /// over under `handOver`, then does the rest of the work under no lock.
    @discardableResult
    func withState<T>(_ event: (inout State) -> (T, ProduceStateMachine.Effects)) -> T {
        lock.lock()
        let (value, effects) = event(&state)
        guard !effects.isEmpty else {
            lock.unlock()
            return value
        }
        let work = gather(effects)
        if work.handsOver {
            handOver.lock()
            lock.unlock()
            work.handOver(emit: emit, finishResults: finishResults)
            handOver.unlock()
            metrics.reported(work.results)
        } else {
            lock.unlock()
        }
        work.perform()
        return value
    }

    /// The work `effects` asks for. Caller holds the lock.
    private func gather(_ effects: ProduceStateMachine.Effects) -> Work {
        var work = Work()
        if !effects.results.isEmpty {
            metrics.inFlight.record(state.machine.inFlight)
            work.results = effects.results
        }
        if effects.resends > 0 {
            metrics.resends.increment(by: effects.resends)
            logger?.debug("produce records resent", metadata: ["kafka.records": "\(effects.resends)"])
        }
        if effects.rotations > 0 { metrics.rotations.increment(by: effects.rotations) }
        for (id, error) in effects.senders {
            if let continuation = state.senders.removeValue(forKey: id) {
                work.senders.append((continuation, error))
            } else {
                state.earlyAnswers[id] = .some(error)
            }
        }
        for lane in effects.lanes {
            if let waiter = state.signals[lane].waiter {
                state.signals[lane].waiter = nil
                work.writers.append(waiter)
            } else {
                state.signals[lane].pending = true
            }
        }
        for id in effects.bodiesToFinish {
            if let body = state.streams[id]?.body { work.bodies.append(body) }
        }
        for id in effects.streamsToAbandon {
            if let io = state.streams.removeValue(forKey: id) {
                work.tasks.append(contentsOf: [io.reader, io.watchdog].compactMap { $0 })
            }
        }
        if !effects.bodiesToFinish.isEmpty || !effects.streamsToAbandon.isEmpty {
            metrics.openStreams.record(state.machine.openStreams)
        }
        if effects.stopsLanes {
            work.tasks.append(contentsOf: state.laneTasks)
        }
        if effects.drained {
            work.drainers = state.drainers
            state.drainers = []
        }
        if effects.endsResults {
            work.endsResults = true
            work.fatal = state.machine.fatal
        }
        return work
    }

    // MARK: Accepting

    /// The record's wire form (its JSON object and a newline, written by the byte-level
    /// writer on the caller's task), or why it cannot be sent: invalid (``KafkaRecord/validate()``),
    /// holding a number JSON cannot carry, or too large.
    func encode(_ record: KafkaRecord) -> Result<[UInt8], KafkaRESTError> {
        do {
            try record.validate()
        } catch let error as KafkaRESTError {
            return .failure(error)
        } catch {
            return .failure(Self.kafkaError(error, context: "the record is invalid"))
        }
        var bytes: [UInt8]
        do {
            bytes = try ConcatenatedJSONEncoder.bytes(record, extra: 1)
        } catch {
            return .failure(error)
        }
        if let limit = options.limits.maxMessageBytes, bytes.count > limit {
            return .failure(Self.oversize(size: bytes.count, limit: limit))
        }
        bytes.append(UInt8(ascii: "\n"))
        return .success(bytes)
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
    nonisolated(nonsending) func send(_ record: KafkaRecord) async throws {
        try Task.checkCancellation()
        let wire = encode(record)
        let offer = withState { state -> (ProduceStateMachine.Offer, ProduceStateMachine.Effects) in
            let offer = state.machine.offer(record, wire: wire)
            if case .accepted(let effects) = offer {
                return (offer, effects)
            }
            return (offer, .init())
        }
        switch offer {
        case .accepted:
            return
        case .refused(let error):
            throw error
        case .waiting(let id):
            try await waitForRoom(asSender: id)
        }
    }

    /// Accepts `records` in order, as ``send(_:)`` does each, taking the lock once for every
    /// run of records the window has room for.
    ///
    /// - Throws: As ``send(_:)``; the records before the one that was not accepted were
    ///   accepted (``acceptedRecords`` counts them), the ones after it were not looked at.
    nonisolated(nonsending) func send(contentsOf records: some Collection<KafkaRecord>) async throws {
        try Task.checkCancellation()
        var position = records.startIndex
        while position < records.endIndex {
            let end = records.index(position, offsetBy: Self.encodingSlice, limitedBy: records.endIndex) ?? records.endIndex
            try await offer(records[position..<end].map { (record: $0, wire: encode($0)) })
            position = end
        }
    }

    /// The most records ``send(contentsOf:)`` encodes ahead of offering them, so that a large
    /// collection is not held twice, as records and as wire bytes.
    static let encodingSlice = 256

    /// Offers encoded records in order, waiting for room whenever the window is full.
    private nonisolated(nonsending) func offer(_ batch: [(record: KafkaRecord, wire: Result<[UInt8], KafkaRESTError>)]) async throws {
        var start = batch.startIndex
        while start < batch.endIndex {
            let (accepted, next) = withState { state -> ((Int, ProduceStateMachine.Offer?), ProduceStateMachine.Effects) in
                let offer = state.machine.offer(contentsOf: batch[start...])
                return ((offer.accepted, offer.next), offer.effects)
            }
            start += accepted
            switch next {
            case nil, .accepted?:
                return
            case .refused(let error)?:
                throw error
            case .waiting(let id)?:
                try await waitForRoom(asSender: id)
                start += 1
            }
        }
    }

    /// Records accepted so far, by every sender: the index the next accepted record gets.
    var acceptedRecords: Int {
        lock.withLock { state.machine.acceptedRecords }
    }

    /// Parks sender `id` until the machine accepts its record or refuses it.
    private nonisolated(nonsending) func waitForRoom(asSender id: Int) async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let early: (any Error)?? = lock.withLock {
                    if let answer = state.earlyAnswers.removeValue(forKey: id) { return answer }
                    state.senders[id] = continuation
                    return nil
                }
                switch early {
                case .some(.some(let error)): continuation.resume(throwing: error)
                case .some(.none): continuation.resume()
                case .none: break
                }
            }
        } onCancel: {
            withState { state in ((), state.machine.cancelWaiter(id)) }
        }
    }

    /// Reports a record that ``send(_:)`` refused as failed with `error`, giving it the next
    /// index, unless the results have ended.
    func reportRefused(_ record: KafkaRecord, error: any Error) {
        let failure = Self.kafkaError(error, context: "the record was not accepted")
        withState { state in ((), state.machine.acceptRefused(record, error: failure)) }
    }

    // MARK: Ending

    /// Stops accepting, waits until every accepted record is reported, then closes the streams
    /// and ends the results.
    func finish() async {
        withState { state in ((), state.machine.finish()) }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let drained = lock.withLock {
                if state.machine.isDrained { return true }
                state.drainers.append(continuation)
                return false
            }
            if drained { continuation.resume() }
        }
        let tasks = lock.withLock { state.laneTasks }
        for task in tasks {
            await task.value
        }
        withState { state in ((), state.machine.close()) }
    }

    /// Stops at once: records written without report are unknown, records never written
    /// (waiting senders' included) fail as cancelled, and the results end.
    func cancel() {
        withState { state in ((), state.machine.cancel()) }
    }

    /// Streams abandoned so far because their reports stopped matching their records.
    var mismatchedStreams: Int {
        lock.withLock { state.machine.mismatchedStreams }
    }

    /// `error` as a ``KafkaRESTError``: itself, or a transport error wrapping it.
    static func kafkaError(_ error: any Error, context: String) -> KafkaRESTError {
        if let error = error as? KafkaRESTError { return error }
        return KafkaRESTError(kind: .transport, operationID: ProduceOperation.id, message: "\(context): \(error)", underlyingError: error)
    }
}
