import Foundation
import KafkaRESTSupport

extension ProduceEngine {
    /// The writer of one lane: does what the machine's ``ProduceStateMachine/nextStep(lane:now:)``
    /// says (open, write, sleep, wait) until it says exit.
    func runLane(_ lane: Int) async {
        while true {
            switch nextStep(lane) {
            case .exit:
                return
            case .wait:
                await waitForWork(lane)
            case .sleep(let duration):
                try? await clock.sleep(for: duration)
            case .open:
                await openStream(lane)
            case .write:
                continue
            }
        }
    }

    /// Asks the machine for the lane's next step; a write is done at once, under the lock,
    /// so the body receives records in the order the machine recorded them.
    private func nextStep(_ lane: Int) -> ProduceStateMachine.LaneStep {
        withState { state in
            let (step, effects) = state.machine.nextStep(lane: lane, now: clock.now)
            if case .write(let id) = step, let body = state.streams[id]?.body {
                let now = (clock: clock.now, wall: ContinuousClock.now)
                var written = (records: 0, bytes: 0)
                body.write { bytes in
                    written = state.machine.write(lane: lane, into: &bytes, now: now)
                }
                metrics.sent.increment(by: written.records)
                metrics.bytesSent.increment(by: written.bytes)
            }
            return (step, effects)
        }
    }

    /// Suspends until the machine wakes the lane, or returns at once if it did since the
    /// writer was told to wait.
    private func waitForWork(_ lane: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let woken = withState { state in
                if state.signals[lane].pending {
                    state.signals[lane].pending = false
                    return (true, .init())
                }
                state.signals[lane].waiter = continuation
                return (false, .init())
            }
            if woken { continuation.resume() }
        }
    }

    /// Opens a stream for the lane through the transport (so through a client's middleware
    /// chain: credentials, a bearer token renewed once on 401, logging), within
    /// ``StreamingProducer/Options/openTimeout``, and tells the machine how it went.
    private func openStream(_ lane: Int) async {
        let body = BodyStream()
        do {
            let reports = try await Self.withDeadline(options.openTimeout) {
                try await self.transport.openProduceStream(path: self.path, body: body)
            }
            let opened = withState { state in
                guard let id = state.machine.streamOpened(lane: lane, now: .now) else { return (false, .init()) }
                var io = StreamIO(body: body)
                io.reader = Task { await self.read(reports, on: id) }
                io.watchdog = Task { await self.watch(id) }
                state.streams[id] = io
                metrics.openStreams.record(state.machine.openStreams)
                logger?.debug("produce stream opened", metadata: ["kafka.stream": "\(id.serial)", "kafka.lane": "\(lane)"])
                return (true, .init())
            }
            if !opened { body.finish() }
        } catch {
            body.finish()
            let failure = Self.kafkaError(error, context: "could not open a produce stream")
            let fatal = withState { state in
                let effects = state.machine.openFailed(lane: lane, error: failure, now: clock.now)
                return (state.machine.fatal != nil, effects)
            }
            logger?.warning(
                fatal ? "could not open a produce stream; the producer stops" : "could not open a produce stream; trying again after a pause",
                metadata: ["kafka.lane": "\(lane)", "error": "\(failure)"]
            )
        }
    }

    /// The result of `body`, or a transport error once `timeout` (wall-clock) has passed, in
    /// which case `body` is cancelled.
    static func withDeadline<T: Sendable>(_ timeout: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let result = try await group.next(), let value = result else {
                throw KafkaRESTError(
                    kind: .transport,
                    operationID: ProduceOperation.id,
                    message: "could not open a produce stream: no response head within \(timeout)",
                    underlyingError: TransportFailure(phase: .awaitingResponse, underlying: CancellationError())
                )
            }
            return value
        }
    }

    /// Stops reading stream `id` once it has had records outstanding for
    /// ``StreamingProducer/Options/reportTimeout`` without a report; its records are then
    /// handled as on a broken stream.
    func watch(_ id: ProduceStreamID) async {
        let timeout = options.reportTimeout
        let period = max(min(timeout / 4, .seconds(1)), .milliseconds(10))
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: period)
            } catch {
                return
            }
            let expiredReader = withState { state -> (Task<Void, Never>??, ProduceStateMachine.Effects) in
                guard state.machine.progressExpired(id, timeout: timeout, now: .now) else { return (nil, .init()) }
                return (.some(state.streams[id]?.reader), .init())
            }
            if let reader = expiredReader {
                reader?.cancel()
                return
            }
        }
    }
}
