import KafkaRESTSupport
import NIOCore

/// The state of a ``StreamingProducer``, as a value: records accepted, spread over lanes,
/// written to streams, matched to reports, resent, and each reported exactly once.
///
/// Every event is a mutating method that returns what the driver (``ProduceEngine``) does
/// about it: ``Effects`` (results to hand over, senders to resume, writers to wake, bodies to
/// end), a ``LaneStep`` for a lane's writer, or an ``Offer``. The machine performs no I/O,
/// takes no lock and reads no clock: times come with the events, so it is tested transition
/// by transition.
struct ProduceStateMachine {
    /// A record that waits for room in the window.
    struct Waiter {
        let id: Int
        let record: KafkaRecord
        let wire: Result<[UInt8], KafkaRESTError>
    }

    let options: StreamingProducer.Options
    var lanes: [ProduceLane]
    private(set) var inFlight = 0
    private(set) var closed = false
    private(set) var cancelled = false
    private(set) var fatal: KafkaRESTError?
    private(set) var resultsEnded = false
    /// Senders waiting for room, oldest first.
    var waiters = CircularBuffer<Waiter>()
    var nextIndex = 0
    var nextWaiterID = 0
    var nextStreamSerial = 0
    var totalResends = 0
    /// Streams abandoned because their reports stopped matching their records.
    var mismatchedStreams = 0
    /// The lane of the current run of records with neither partition nor key (ordered mode).
    var roundRobin = 0
    /// Records of the current run so far.
    var keylessInRun = 0
    /// How many records with neither partition nor key go to one lane before the next: a
    /// quarter of each lane's share of the window.
    let keylessRun: Int
    var recordBucket: TokenBucket?
    var openBucket: TokenBucket?
    /// What the event being handled has to do; handed out by ``takeEffects()``.
    var effects = Effects()

    /// Creates the state of a producer started at `now` (the producer clock's time).
    init(options: StreamingProducer.Options, now: Duration) {
        self.options = options
        lanes = Array(repeating: ProduceLane(), count: options.parallelStreams)
        keylessRun = max(1, options.maxInFlight / (max(1, lanes.count) * 4))
        recordBucket = options.limits.streamedRecordsPerSecond.map { TokenBucket(rate: $0, now: now) }
        openBucket = options.limits.connectionRequestsPerSecond.map { TokenBucket(rate: $0, now: now) }
    }

    /// The effects gathered since the last call.
    mutating func takeEffects() -> Effects {
        guard !effects.isEmpty else { return Effects() }
        defer { effects = Effects() }
        return effects
    }

    /// Streams open over all lanes.
    var openStreams: Int {
        lanes.reduce(0) { $0 + $1.streams.count }
    }

    // MARK: Accepting

    /// A record for the window, with its wire form or the reason it cannot be sent: accepted
    /// at once when the window has room, else it waits.
    mutating func offer(_ record: KafkaRecord, wire: Result<[UInt8], KafkaRESTError>) -> Offer {
        let offer = admit(record, wire: wire)
        guard case .accepted = offer else { return offer }
        return .accepted(takeEffects())
    }

    /// Records for the window, in order, each with its wire form: accepted while the window
    /// has room. The first that finds the window full waits as a sender, or the first refused
    /// is not accepted; the records after it are not looked at.
    ///
    /// - Returns: How many were accepted at once, what became of the next one (`nil` when
    ///   every record was accepted), and the effects of the accepted ones.
    mutating func offer(
        contentsOf batch: ArraySlice<(record: KafkaRecord, wire: Result<[UInt8], KafkaRESTError>)>
    ) -> (accepted: Int, next: Offer?, effects: Effects) {
        var accepted = 0
        for item in batch {
            let offer = admit(item.record, wire: item.wire)
            guard case .accepted = offer else { return (accepted, offer, takeEffects()) }
            accepted += 1
        }
        return (accepted, nil, takeEffects())
    }

    /// Accepts the record if the window has room, leaving the effects gathered (the offer
    /// carries none), or makes it wait, or refuses it.
    private mutating func admit(_ record: KafkaRecord, wire: Result<[UInt8], KafkaRESTError>) -> Offer {
        if let error = refusal { return .refused(error) }
        guard waiters.isEmpty && inFlight < options.maxInFlight else {
            nextWaiterID += 1
            waiters.append(Waiter(id: nextWaiterID, record: record, wire: wire))
            return .waiting(id: nextWaiterID)
        }
        accept(record, wire: wire)
        return .accepted(Effects())
    }

    /// The sender waiting as `id` was cancelled: if its record still waits, it is dropped and
    /// the sender resumed with `CancellationError`; if it was accepted meanwhile, nothing
    /// changes.
    mutating func cancelWaiter(_ id: Int) -> Effects {
        if let position = waiters.firstIndex(where: { $0.id == id }) {
            waiters.remove(at: position)
            effects.senders.append((id, CancellationError()))
        }
        return takeEffects()
    }

    /// A record ``offer(_:wire:)`` refused, reported failed with `error` under the next index
    /// unless the results have ended.
    mutating func acceptRefused(_ record: KafkaRecord, error: KafkaRESTError) -> Effects {
        if !resultsEnded {
            accept(record, wire: .failure(error))
        }
        return takeEffects()
    }

    /// Records accepted so far: the index the next accepted record gets.
    var acceptedRecords: Int {
        nextIndex
    }

    /// Why no record can be accepted now, if so.
    var refusal: (any Error)? {
        if cancelled { return CancellationError() }
        if let fatal { return fatal }
        if closed {
            return KafkaRESTError(kind: .invalidRequest, operationID: ProduceOperation.id, message: "the producer is finished and accepts no more records")
        }
        return nil
    }

    /// Gives the record an index and queues it, or reports it failed at once if it cannot be
    /// sent.
    private mutating func accept(_ record: KafkaRecord, wire: Result<[UInt8], KafkaRESTError>) {
        let index = nextIndex
        nextIndex += 1
        inFlight += 1
        switch wire {
        case .failure(let error):
            report(PendingRecord(index: index, record: record, wire: [], lane: 0), .failed(error))
        case .success(let bytes):
            let lane = route(record)
            lanes[lane].queue.append(PendingRecord(index: index, record: record, wire: bytes, lane: lane))
            wake(lane)
        }
    }

    /// Accepts waiting records while there is room.
    private mutating func admitWaiters() {
        while !waiters.isEmpty && inFlight < options.maxInFlight && refusal == nil {
            let waiter = waiters.removeFirst()
            accept(waiter.record, wire: waiter.wire)
            effects.senders.append((waiter.id, nil))
        }
    }

    /// The lane for `record`.
    private mutating func route(_ record: KafkaRecord) -> Int {
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
            // Records with neither go in runs to one lane, then the next: a run is written in
            // one piece, where alternating lanes record by record woke both writers per record.
            if keylessInRun == keylessRun {
                keylessInRun = 0
                roundRobin = (roundRobin + 1) % count
            }
            keylessInRun += 1
            return roundRobin
        case .fast:
            return lanes.indices.min { lanes[$0].load < lanes[$1].load } ?? 0
        }
    }

    /// Wakes the lane's writer if it is parked.
    mutating func wake(_ lane: Int) {
        guard lanes[lane].parked else { return }
        lanes[lane].parked = false
        effects.lanes.append(lane)
    }

    // MARK: Reporting

    /// Settles the record and frees its window slot. A failure of a record whose earlier
    /// send may have been written is reported unknown.
    mutating func report(_ record: PendingRecord, _ outcome: RecordOutcome) {
        inFlight -= 1
        var outcome = outcome
        if record.mayBeWritten, case .failed(let error) = outcome {
            outcome = .unknown(reason: "an earlier send was cut off by a broken stream and may have been written; the resend failed: \(error)")
        }
        effects.results.append(ProduceResult(index: record.index, record: record.record, outcome: outcome))
        admitWaiters()
        if closed || fatal != nil {
            wake(record.lane)
        }
        if inFlight == 0 {
            effects.drained = true
        }
    }

    /// Whether `record` may be sent once more; if so, counts the resend.
    mutating func takeResend(for record: inout PendingRecord) -> Bool {
        guard !cancelled, fatal == nil,
              record.resends < options.retryBudget.perRecord,
              totalResends < options.retryBudget.total
        else { return false }
        record.resends += 1
        totalResends += 1
        effects.resends += 1
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
    /// records on open streams still get their reports.
    mutating func becomeFatal(_ error: KafkaRESTError) {
        guard fatal == nil else { return }
        fatal = error
        for lane in lanes.indices {
            let queued = lanes[lane].queue
            lanes[lane].queue.removeAll()
            for record in queued {
                report(record, .failed(error))
            }
            wake(lane)
        }
        failWaiters(error)
    }

    /// Accepts every waiting record as failed with `error`: each is reported and its sender
    /// resumed as accepted.
    private mutating func failWaiters(_ error: KafkaRESTError) {
        let failed = waiters
        waiters.removeAll()
        for waiter in failed {
            accept(waiter.record, wire: .failure(error))
            effects.senders.append((waiter.id, nil))
        }
    }

    // MARK: Ending

    /// Stops accepting: waiting senders are refused, writers woken to end their streams once
    /// their queues are empty. ``Effects/drained`` says whether every record is reported
    /// already.
    mutating func finish() -> Effects {
        closed = true
        let refused = waiters
        waiters.removeAll()
        let error = refusal ?? CancellationError()
        for waiter in refused {
            effects.senders.append((waiter.id, error))
        }
        lanes.indices.forEach { wake($0) }
        if inFlight == 0 || cancelled {
            effects.drained = true
        }
        return takeEffects()
    }

    /// Whether ``finish()`` need not wait any longer.
    var isDrained: Bool {
        inFlight == 0 || cancelled
    }

    /// After ``finish()`` drained and the writers ended: every body ends, every reader
    /// stops, and the results end.
    mutating func close() -> Effects {
        closeStreams()
        endResults()
        return takeEffects()
    }

    /// Stops at once: records written without report are unknown, records never written
    /// (waiting senders' included) fail as cancelled, and the results end.
    mutating func cancel() -> Effects {
        guard !cancelled, !resultsEnded else { return takeEffects() }
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
            for index in lanes[lane].streams.indices {
                lanes[lane].streams[index].sent.removeAll()
            }
            let queued = lanes[lane].queue
            lanes[lane].queue.removeAll()
            for record in queued {
                report(record, .failed(notSent))
            }
        }
        failWaiters(notSent)
        closeStreams()
        lanes.indices.forEach { wake($0) }
        effects.stopsLanes = true
        effects.drained = true
        endResults()
        return takeEffects()
    }

    /// Ends every stream: bodies finished, readers stopped.
    private mutating func closeStreams() {
        for lane in lanes.indices {
            for stream in lanes[lane].streams {
                effects.bodiesToFinish.append(stream.id)
                effects.streamsToAbandon.append(stream.id)
            }
            lanes[lane].streams = []
            lanes[lane].active = nil
        }
    }

    /// Ends the results once.
    private mutating func endResults() {
        guard !resultsEnded else { return }
        resultsEnded = true
        effects.endsResults = true
    }
}
