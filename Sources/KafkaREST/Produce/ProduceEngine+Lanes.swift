import Foundation
import KafkaRESTSupport

extension ProduceEngine {
    /// The writer of one lane: opens streams and writes queued records, pacing and pausing
    /// as the lane's state asks, until the producer is finished and the lane idle, or
    /// cancelled.
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
                await writeNext(lane)
            }
        }
    }

    /// Decides what the lane's writer does next.
    func nextStep(_ lane: Int) -> Step {
        locked {
            lanes[lane].wakePending = false
            if cancelled { return .exit }
            if lanes[lane].queue.isEmpty {
                if closed || fatal != nil {
                    // Nothing more to write: end the body so the server answers the rest
                    // and closes; a record it rejects still reopens a stream.
                    lanes[lane].active?.retire()
                    lanes[lane].active = nil
                    if !lanes[lane].hasUnreported { return .exit }
                }
                return .wait
            }
            let now = clock.now
            if lanes[lane].resumeAt > now {
                return .sleep(lanes[lane].resumeAt - now)
            }
            if lanes[lane].draining {
                if lanes[lane].hasUnreported { return .wait }
                lanes[lane].draining = false
            }
            return lanes[lane].active == nil ? .open : .write
        }
    }

    /// Suspends until ``wake(_:)`` is called for the lane, or returns at once if it was
    /// called since ``nextStep(_:)``.
    func waitForWork(_ lane: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            locked {
                if lanes[lane].wakePending || cancelled {
                    lanes[lane].wakePending = false
                    continuation.resume()
                } else {
                    lanes[lane].waiter = continuation
                }
            }
        }
    }

    /// Opens a stream for the lane, paced by the connection limit, through the transport (so
    /// through a client's middleware chain: credentials, a bearer token renewed once on 401,
    /// logging). A retryable failure pauses the lane with backoff, within
    /// ``StreamingProducer/RetryBudget/streamOpens``; any other failure is fatal.
    func openStream(_ lane: Int) async {
        do {
            try await openBucket?.acquire()
        } catch {
            return
        }
        let body = BodyStream()
        do {
            let reports = try await Self.withDeadline(options.openTimeout) {
                try await self.transport.openProduceStream(path: self.path, body: body)
            }
            locked {
                guard !cancelled else {
                    body.finish()
                    return
                }
                let handle = ProduceStreamHandle(lane: lane, body: body)
                lanes[lane].active = handle
                lanes[lane].streams.append(handle)
                lanes[lane].failedOpens = 0
                metrics.openStreams.record(lanes.reduce(0) { $0 + $1.streams.count })
                handle.reader = Task { await self.read(reports, on: handle) }
                handle.watchdog = Task { await self.watch(handle) }
            }
        } catch {
            body.finish()
            locked {
                guard !cancelled else { return }
                let failure = Self.kafkaError(error, context: "could not open a produce stream")
                lanes[lane].failedOpens += 1
                let attempt = lanes[lane].failedOpens
                // A refused or failed open carried no record, so any retryable failure may be
                // retried, whatever the method.
                if failure.isRetryable && attempt <= options.retryBudget.streamOpens {
                    lanes[lane].resumeAt = clock.now + options.backoff.delay(attempt: attempt)
                } else {
                    becomeFatal(failure)
                }
            }
        }
    }

    /// Writes the lane's next record to its stream, paced by the record limit; without a
    /// record limit, every queued record goes out in one write.
    func writeNext(_ lane: Int) async {
        do {
            try await recordBucket?.acquire()
        } catch {
            return
        }
        locked {
            guard !cancelled,
                  let handle = lanes[lane].active,
                  !handle.retiring,
                  !lanes[lane].draining,
                  lanes[lane].resumeAt <= clock.now,
                  !lanes[lane].queue.isEmpty
            else { return }
            if handle.sent.isEmpty { handle.lastProgress = .now }
            let count = recordBucket == nil ? lanes[lane].queue.count : 1
            let records = lanes[lane].queue.prefix(count)
            lanes[lane].queue.removeFirst(count)
            handle.sent.append(contentsOf: records)
            var written = 0
            handle.body.write { bytes in
                for record in records {
                    bytes.append(contentsOf: record.wire)
                    written += record.wire.count
                }
            }
            metrics.sent.increment(by: count)
            metrics.bytesSent.increment(by: written)
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

    /// Abandons `handle` once it has had records outstanding for ``StreamingProducer/Options/reportTimeout``
    /// without a report; its records are then handled as on a broken stream.
    func watch(_ handle: ProduceStreamHandle) async {
        let timeout = options.reportTimeout
        let period = max(min(timeout / 4, .seconds(1)), .milliseconds(10))
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: period)
            } catch {
                return
            }
            let expired = locked {
                guard !handle.sent.isEmpty, ContinuousClock.now - handle.lastProgress > timeout else { return false }
                handle.timedOut = true
                return true
            }
            if expired {
                handle.reader?.cancel()
                return
            }
        }
    }

    /// `error` as a ``KafkaRESTError``: itself, or a transport error wrapping it.
    static func kafkaError(_ error: any Error, context: String) -> KafkaRESTError {
        if let error = error as? KafkaRESTError { return error }
        return KafkaRESTError(kind: .transport, operationID: ProduceOperation.id, message: "\(context): \(error)", underlyingError: error)
    }
}
