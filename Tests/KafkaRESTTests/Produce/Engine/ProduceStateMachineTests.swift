import Foundation
@testable import KafkaREST
import Testing

/// The producer's state machine, event by event, without I/O: each test drives the events a
/// driver would and checks the state and the effects it is told to perform.
@Suite("Produce: state machine transitions")
struct ProduceStateMachineTests {
    typealias Machine = ProduceStateMachine

    static let wall = ContinuousClock.now

    static func options(
        maxInFlight: Int = 100,
        parallelStreams: Int = 1,
        ordering: StreamingProducer.Ordering = .ordered,
        retryBudget: StreamingProducer.RetryBudget = .init(),
        limits: ProduceLimits = .unlimited,
        resendUnknown: Bool = false
    ) -> StreamingProducer.Options {
        StreamingProducer.Options(
            maxInFlight: maxInFlight,
            parallelStreams: parallelStreams,
            ordering: ordering,
            retryBudget: retryBudget,
            backoff: .init(initial: .milliseconds(100), maximum: .seconds(1), multiplier: 2, jitter: false),
            limits: limits,
            resendUnknown: resendUnknown
        )
    }

    static func record(_ number: Int) -> KafkaRecord {
        KafkaRecord(value: .json(.integer(Int64(number))))
    }

    static func wire(_ number: Int) -> Result<[UInt8], KafkaRESTError> {
        .success(Array("r\(number)\n".utf8))
    }

    static func delivered(_ offset: Int64, partition: Int32 = 0) -> OutcomeReport {
        OutcomeReport(ProduceResponse(errorCode: 200, partitionID: partition, offset: offset))
    }

    static func now(_ seconds: Double = 0) -> (clock: Duration, wall: ContinuousClock.Instant) {
        (.seconds(seconds), wall + .seconds(seconds))
    }

    /// Offers records `numbers`, expecting each accepted.
    static func accept(_ numbers: Range<Int>, into machine: inout Machine) {
        for number in numbers {
            guard case .accepted = machine.offer(record(number), wire: wire(number)) else {
                Issue.record("record \(number) not accepted")
                return
            }
        }
    }

    /// Opens a stream on lane 0 and writes what is queued; returns the stream and the bytes.
    static func openAndWrite(_ machine: inout Machine, at seconds: Double = 0) -> (ProduceStreamID, String) {
        let observed1 = machine.nextStep(lane: 0, now: .seconds(seconds))
        #expect(observed1.0 == .open)
        let id = machine.streamOpened(lane: 0, now: wall + .seconds(seconds))!
        let observed2 = machine.nextStep(lane: 0, now: .seconds(seconds))
        #expect(observed2.0 == .write(id))
        var bytes: [UInt8] = []
        _ = machine.write(lane: 0, into: &bytes, now: now(seconds))
        return (id, String(decoding: bytes, as: UTF8.self))
    }

    @Test("a record offered with room is accepted; only a parked writer is woken, once")
    func offerWithRoom() {
        var machine = Machine(options: Self.options(), now: .zero)
        let observed3 = machine.nextStep(lane: 0, now: .zero)
        #expect(observed3.0 == .wait)
        guard case .accepted(let first) = machine.offer(Self.record(0), wire: Self.wire(0)) else {
            Issue.record("not accepted")
            return
        }
        #expect(first.lanes == [0])
        guard case .accepted(let second) = machine.offer(Self.record(1), wire: Self.wire(1)) else {
            Issue.record("not accepted")
            return
        }
        #expect(second.isEmpty, "the writer was woken already: the second record costs no effect")
        #expect(machine.inFlight == 2)
    }

    @Test("open, write: the queue goes to the stream in index order, all in one write")
    func openAndWriteAll() {
        var machine = Machine(options: Self.options(), now: .zero)
        Self.accept(0..<3, into: &machine)
        let (id, text) = Self.openAndWrite(&machine)
        #expect(text == "r0\nr1\nr2\n")
        #expect(machine.lanes[0].streams.first { $0.id == id }?.sent.map(\.index) == [0, 1, 2])
        #expect(machine.lanes[0].queue.isEmpty)
        let observed4 = machine.nextStep(lane: 0, now: .zero)
        #expect(observed4.0 == .wait)
    }

    @Test("a full window makes the sender wait; a report admits it")
    func fullWindow() {
        var machine = Machine(options: Self.options(maxInFlight: 2), now: .zero)
        Self.accept(0..<2, into: &machine)
        guard case .waiting(let id) = machine.offer(Self.record(2), wire: Self.wire(2)) else {
            Issue.record("the third record did not wait")
            return
        }
        let (stream, _) = Self.openAndWrite(&machine)
        let (effects, mismatch) = machine.reportsReceived([Self.delivered(10)], on: stream, now: Self.now())
        #expect(mismatch == nil)
        #expect(effects.results.map(\.index) == [0])
        #expect(effects.results.first?.outcome.delivery?.offset == 10)
        #expect(effects.senders.map(\.id) == [id])
        #expect(effects.senders.first?.error == nil)
        #expect(machine.inFlight == 2)
        #expect(machine.lanes[0].queue.map(\.index) == [2])
    }

    @Test("a batch is accepted while the window has room, with one set of effects; the first record finding it full waits, the rest are not taken; a finished machine refuses the first")
    func offerBatch() {
        var machine = Machine(options: Self.options(maxInFlight: 3), now: .zero)
        let observed = machine.nextStep(lane: 0, now: .zero)
        #expect(observed.0 == .wait)
        let batch = (0..<5).map { (record: Self.record($0), wire: Self.wire($0)) }
        let offer = machine.offer(contentsOf: batch[...])
        #expect(offer.accepted == 3)
        guard case .waiting(let id)? = offer.next else {
            Issue.record("the fourth record did not wait: \(String(describing: offer.next))")
            return
        }
        #expect(offer.effects.lanes == [0], "the parked writer is woken once for the whole batch")
        #expect(machine.acceptedRecords == 3)
        #expect(machine.waiters.map(\.id) == [id], "only the record that found the window full waits")
        #expect(machine.lanes[0].queue.map(\.index) == [0, 1, 2])

        let (stream, text) = Self.openAndWrite(&machine)
        #expect(text == "r0\nr1\nr2\n")
        let admitted = machine.reportsReceived([Self.delivered(0)], on: stream, now: Self.now()).0
        #expect(admitted.senders.map(\.id) == [id])
        #expect(machine.acceptedRecords == 4)

        _ = machine.finish()
        let refused = machine.offer(contentsOf: batch[4...])
        #expect(refused.accepted == 0)
        guard case .refused(let error)? = refused.next else {
            Issue.record("a finished machine took a record")
            return
        }
        #expect((error as? KafkaRESTError)?.kind == .invalidRequest)
        #expect(machine.acceptedRecords == 4)
    }

    @Test("a waiting sender cancelled before admission is resumed with CancellationError; after admission, nothing changes")
    func cancelWaiter() {
        var machine = Machine(options: Self.options(maxInFlight: 1), now: .zero)
        Self.accept(0..<1, into: &machine)
        guard case .waiting(let first) = machine.offer(Self.record(1), wire: Self.wire(1)),
              case .waiting(let second) = machine.offer(Self.record(2), wire: Self.wire(2))
        else {
            Issue.record("no wait")
            return
        }
        let cancelled = machine.cancelWaiter(second)
        #expect(cancelled.senders.map(\.id) == [second])
        #expect(cancelled.senders.first?.error is CancellationError)
        let (stream, _) = Self.openAndWrite(&machine)
        let admitted = machine.reportsReceived([Self.delivered(0)], on: stream, now: Self.now()).0
        #expect(admitted.senders.map(\.id) == [first])
        let observed5 = machine.cancelWaiter(first)
        #expect(observed5.isEmpty)
        #expect(machine.nextIndex == 2, "the cancelled record got no index")
    }

    @Test("a 429 report puts the record back at its place and pauses the lane for the backoff")
    func tooManyRequests() {
        var machine = Machine(options: Self.options(), now: .zero)
        Self.accept(0..<2, into: &machine)
        let (stream, _) = Self.openAndWrite(&machine)
        let (effects, _) = machine.reportsReceived(
            [OutcomeReport(ProduceResponse(errorCode: 429, message: "slow down")), Self.delivered(5)],
            on: stream,
            now: Self.now()
        )
        #expect(effects.results.map(\.index) == [1])
        #expect(effects.resends == 1)
        #expect(machine.lanes[0].queue.map(\.index) == [0])
        let observed6 = machine.nextStep(lane: 0, now: .zero)
        #expect(observed6.0 == .sleep(.milliseconds(100)))
        let observed7 = machine.nextStep(lane: 0, now: .milliseconds(100))
        #expect(observed7.0 == .write(stream))
    }

    @Test("a 408 report retires the stream (body ended, counted as a rotation); in order, the record goes to a new stream once the old one is answered")
    func requestTimeout() {
        var machine = Machine(options: Self.options(), now: .zero)
        Self.accept(0..<2, into: &machine)
        let (stream, _) = Self.openAndWrite(&machine)
        let (effects, _) = machine.reportsReceived([OutcomeReport(ProduceResponse(errorCode: 408))], on: stream, now: Self.now())
        #expect(effects.bodiesToFinish == [stream])
        #expect(effects.rotations == 1)
        #expect(effects.results.isEmpty)
        #expect(machine.lanes[0].active == nil)
        let draining = machine.nextStep(lane: 0, now: .zero)
        #expect(draining.0 == .wait, "record 1 is still unanswered on the retired stream")
        let late = machine.reportsReceived([Self.delivered(1)], on: stream, now: Self.now()).0
        #expect(late.results.map(\.index) == [1], "the retired stream's later record still gets its report")
        #expect(late.lanes == [0])
        let reopening = machine.nextStep(lane: 0, now: .zero)
        #expect(reopening.0 == .open)
        let next = machine.streamOpened(lane: 0, now: Self.wall)!
        #expect(next != stream)
        var bytes: [UInt8] = []
        let writing = machine.nextStep(lane: 0, now: .zero)
        #expect(writing.0 == .write(next))
        _ = machine.write(lane: 0, into: &bytes, now: Self.now())
        #expect(String(decoding: bytes, as: UTF8.self) == "r0\n")
    }

    @Test("a 429 past the per-record budget fails the record, saying why it was not resent")
    func budgetExhausted() {
        var machine = Machine(options: Self.options(retryBudget: .init(perRecord: 0)), now: .zero)
        Self.accept(0..<1, into: &machine)
        let (stream, _) = Self.openAndWrite(&machine)
        let (effects, _) = machine.reportsReceived([OutcomeReport(ProduceResponse(errorCode: 429))], on: stream, now: Self.now())
        let error = effects.results.first?.outcome.failure
        #expect(error?.status == 429)
        #expect(error?.message.contains("not resent: already resent 0 times") == true)
    }

    @Test("a stream that ends with records outstanding reports them unknown and backs off")
    func brokenStream() {
        var machine = Machine(options: Self.options(), now: .zero)
        Self.accept(0..<3, into: &machine)
        let (stream, _) = Self.openAndWrite(&machine)
        _ = machine.reportsReceived([Self.delivered(0)], on: stream, now: Self.now())
        let failure = KafkaRESTError(kind: .transport, message: "connection reset")
        let effects = machine.streamEnded(stream, failure: failure, now: .zero)
        #expect(effects.results.map(\.index) == [1, 2])
        for result in effects.results {
            guard case .unknown(let reason) = result.outcome else {
                Issue.record("record \(result.index) is not unknown")
                continue
            }
            #expect(reason.contains("connection reset"))
        }
        #expect(effects.streamsToAbandon == [stream])
        #expect(effects.drained)
        #expect(machine.lanes[0].streams.isEmpty)
        #expect(machine.lanes[0].resumeAt == .milliseconds(100))
    }

    @Test("with resendUnknown a broken stream's records are resent, and a failed resend is unknown, not failed")
    func resendUnknown() {
        var machine = Machine(options: Self.options(resendUnknown: true), now: .zero)
        Self.accept(0..<1, into: &machine)
        let (stream, _) = Self.openAndWrite(&machine)
        let ended = machine.streamEnded(stream, failure: nil, now: .zero)
        #expect(ended.results.isEmpty)
        #expect(ended.resends == 1)
        #expect(machine.lanes[0].queue.first?.mayBeWritten == true)
        let (again, text) = Self.openAndWrite(&machine, at: 1)
        #expect(text == "r0\n")
        let rejected = machine.reportsReceived([OutcomeReport(ProduceResponse(errorCode: 400, message: "bad"))], on: again, now: Self.now(1)).0
        guard case .unknown = rejected.results.first?.outcome else {
            Issue.record("a failed resend of a possibly written record must be unknown")
            return
        }
    }

    @Test("reports that cannot be the records' are caught: a report too many, an offset going back, a foreign partition")
    func mismatches() {
        var machine = Machine(options: Self.options(), now: .zero)
        Self.accept(0..<2, into: &machine)
        let (stream, _) = Self.openAndWrite(&machine)
        let (first, none) = machine.reportsReceived([Self.delivered(7)], on: stream, now: Self.now())
        #expect(none == nil && first.results.count == 1)
        let (_, backwards) = machine.reportsReceived([Self.delivered(7)], on: stream, now: Self.now())
        #expect(backwards?.kind == .decoding)
        #expect(backwards?.message.contains("offset 7 on partition 0 after offset 7") == true)
        #expect(machine.inFlight == 1, "the mismatched report settled nothing")
        #expect(machine.mismatchedStreams == 1)

        var other = Machine(options: Self.options(), now: .zero)
        _ = other.offer(KafkaRecord(value: .string("p"), partition: 3), wire: Self.wire(0))
        let (otherStream, _) = Self.openAndWrite(&other)
        let (_, foreign) = other.reportsReceived([Self.delivered(1, partition: 4)], on: otherStream, now: Self.now())
        #expect(foreign?.message.contains("partition 4 answered a record sent to partition 3") == true)
        let (_, extra) = other.reportsReceived([OutcomeReport(ProduceResponse(errorCode: 200, partitionID: 3, offset: 1))], on: otherStream, now: Self.now())
        #expect(extra == nil)
        let (_, tooMany) = other.reportsReceived([Self.delivered(2, partition: 3)], on: otherStream, now: Self.now())
        #expect(tooMany?.message.contains("no outstanding record") == true)
    }

    @Test("finish refuses waiting senders, drains, then ends the lane's stream and exits")
    func finishDrains() {
        var machine = Machine(options: Self.options(maxInFlight: 1), now: .zero)
        Self.accept(0..<1, into: &machine)
        guard case .waiting(let waiter) = machine.offer(Self.record(1), wire: Self.wire(1)) else {
            Issue.record("no wait")
            return
        }
        let (stream, _) = Self.openAndWrite(&machine)
        let observed10 = machine.nextStep(lane: 0, now: .zero)
        #expect(observed10.0 == .wait)
        let finishing = machine.finish()
        #expect(finishing.senders.map(\.id) == [waiter])
        #expect((finishing.senders.first?.error as? KafkaRESTError)?.kind == .invalidRequest)
        #expect(!finishing.drained && !machine.isDrained)
        #expect(finishing.lanes == [0], "the parked writer is woken to end its stream")
        let (step, retiring) = machine.nextStep(lane: 0, now: .zero)
        #expect(step == .wait, "records are still unreported")
        #expect(retiring.bodiesToFinish == [stream])
        let reported = machine.reportsReceived([Self.delivered(0)], on: stream, now: Self.now()).0
        #expect(reported.drained)
        #expect(reported.lanes == [0])
        let observed11 = machine.nextStep(lane: 0, now: .zero)
        #expect(observed11.0 == .exit)
        guard case .refused = machine.offer(Self.record(2), wire: Self.wire(2)) else {
            Issue.record("a finished producer accepted a record")
            return
        }
        let closed = machine.close()
        #expect(closed.endsResults && closed.streamsToAbandon == [stream])
    }

    @Test("cancel: written records unknown, queued and waiting ones failed, all in index order, results end once")
    func cancel() {
        var machine = Machine(options: Self.options(maxInFlight: 3), now: .zero)
        Self.accept(0..<2, into: &machine)
        let (stream, _) = Self.openAndWrite(&machine)
        Self.accept(2..<3, into: &machine)
        guard case .waiting(let waiter) = machine.offer(Self.record(3), wire: Self.wire(3)) else {
            Issue.record("no wait")
            return
        }
        let effects = machine.cancel()
        #expect(effects.results.map(\.index) == [0, 1, 2, 3])
        #expect(effects.results.prefix(2).allSatisfy { if case .unknown = $0.outcome { true } else { false } })
        #expect(effects.results.suffix(2).allSatisfy { $0.outcome.failure?.message == "cancelled before the record was sent" })
        #expect(effects.senders.map(\.id) == [waiter] && effects.senders.first?.error == nil)
        #expect(effects.endsResults && effects.stopsLanes && effects.drained)
        #expect(effects.bodiesToFinish == [stream])
        let observed12 = machine.cancel()
        #expect(observed12.isEmpty)
        let observed13 = machine.nextStep(lane: 0, now: .zero)
        #expect(observed13.0 == .exit)
        let observed14 = machine.streamOpened(lane: 0, now: Self.wall)
        #expect(observed14 == nil)
        let observed15 = machine.streamEnded(stream, failure: nil, now: .zero)
        #expect(observed15.results.isEmpty)
    }

    @Test("a retryable open failure backs off; past the budget, or not retryable, it is fatal for queued and waiting records")
    func openFailures() {
        var machine = Machine(options: Self.options(maxInFlight: 1, retryBudget: .init(streamOpens: 1)), now: .zero)
        Self.accept(0..<1, into: &machine)
        guard case .waiting(let waiter) = machine.offer(Self.record(1), wire: Self.wire(1)) else {
            Issue.record("no wait")
            return
        }
        let observed16 = machine.nextStep(lane: 0, now: .zero)
        #expect(observed16.0 == .open)
        let unavailable = KafkaRESTError(kind: .http, status: 503, message: "unavailable")
        let observed17 = machine.openFailed(lane: 0, error: unavailable, now: .zero)
        #expect(observed17.isEmpty)
        let observed18 = machine.nextStep(lane: 0, now: .zero)
        #expect(observed18.0 == .sleep(.milliseconds(100)))
        let observed19 = machine.nextStep(lane: 0, now: .milliseconds(100))
        #expect(observed19.0 == .open)
        let fatal = machine.openFailed(lane: 0, error: unavailable, now: .milliseconds(100))
        #expect(fatal.results.map(\.index) == [0, 1])
        #expect(fatal.results.allSatisfy { $0.outcome.failure?.status == 503 })
        #expect(fatal.senders.map(\.id) == [waiter])
        #expect((machine.refusal as? KafkaRESTError)?.status == 503)
        let observed20 = machine.nextStep(lane: 0, now: .seconds(1))
        #expect(observed20.0 == .exit)

        var refused = Machine(options: Self.options(), now: .zero)
        Self.accept(0..<1, into: &refused)
        _ = refused.nextStep(lane: 0, now: .zero)
        let unauthorized = refused.openFailed(lane: 0, error: KafkaRESTError(kind: .http, status: 401, message: "no"), now: .zero)
        #expect(unauthorized.results.first?.outcome.failure?.status == 401, "a 401 is not retried")
    }

    @Test("the record pace limits each write to the tokens there are, and sleeps until the next one")
    func recordPace() {
        let limits = ProduceLimits.custom(streamedRecordsPerSecond: 100)
        var machine = Machine(options: Self.options(limits: limits), now: .zero)
        Self.accept(0..<25, into: &machine)
        let (stream, text) = Self.openAndWrite(&machine)
        #expect(text.split(separator: "\n").count == 10, "a burst of a tenth of a second's worth")
        let observed21 = machine.nextStep(lane: 0, now: .zero)
        #expect(observed21.0 == .sleep(.milliseconds(10)))
        let observed22 = machine.nextStep(lane: 0, now: .milliseconds(50))
        #expect(observed22.0 == .write(stream))
        var bytes: [UInt8] = []
        let observed23 = machine.write(lane: 0, into: &bytes, now: Self.now(0.05))
        #expect(observed23.records == 5)
    }

    @Test("ordered lanes: a partition always takes the same lane; fast lanes: the least busy")
    func routing() {
        var ordered = Machine(options: Self.options(parallelStreams: 3), now: .zero)
        for number in 0..<6 {
            _ = ordered.offer(KafkaRecord(value: .string("\(number)"), partition: 4), wire: Self.wire(number))
        }
        #expect(ordered.lanes.map(\.queue.count) == [0, 6, 0])
        var fast = Machine(options: Self.options(parallelStreams: 3, ordering: .fast), now: .zero)
        for number in 0..<6 {
            _ = fast.offer(KafkaRecord(value: .string("\(number)"), partition: 4), wire: Self.wire(number))
        }
        #expect(fast.lanes.map(\.queue.count) == [2, 2, 2])
    }

    @Test("ordered lanes: records with neither partition nor key go in runs of a quarter of a lane's share of the window, lane after lane")
    func keylessRuns() {
        // 120 in flight over 3 lanes: runs of 120 / (3 × 4) = 10 records.
        var machine = Machine(options: Self.options(maxInFlight: 120, parallelStreams: 3), now: .zero)
        var lanes: [Int] = []
        for number in 0..<70 {
            _ = machine.offer(KafkaRecord(value: .string("\(number)")), wire: Self.wire(number))
            lanes.append(machine.lanes.indices.first { lane in machine.lanes[lane].queue.contains { $0.index == number } }!)
        }
        let expected = (0..<70).map { ($0 / 10) % 3 }
        #expect(lanes == expected)
        // A record with a key keeps to its own lane and does not break the run.
        _ = machine.offer(KafkaRecord(key: .string("k"), value: .string("keyed")), wire: Self.wire(70))
        _ = machine.offer(KafkaRecord(value: .string("71")), wire: Self.wire(71))
        #expect(machine.lanes.indices.first { lane in machine.lanes[lane].queue.contains { $0.index == 71 } } == 1)
    }

    @Test("a stream with records outstanding and no report past the timeout is marked timed out")
    func watchdog() {
        var machine = Machine(options: Self.options(), now: .zero)
        let observed24 = machine.progressExpired(ProduceStreamID(lane: 0, serial: 9), timeout: .seconds(1), now: Self.wall)
        #expect(!observed24)
        Self.accept(0..<1, into: &machine)
        let (stream, _) = Self.openAndWrite(&machine)
        let observed25 = machine.progressExpired(stream, timeout: .seconds(1), now: Self.wall + .milliseconds(900))
        #expect(!observed25)
        let observed26 = machine.progressExpired(stream, timeout: .seconds(1), now: Self.wall + .seconds(2))
        #expect(observed26)
        #expect(machine.timedOut(stream))
    }
}
