import KafkaRESTSupport

extension ProduceStateMachine {
    /// What the writer of `lane` does next at time `now` (the producer clock's); a
    /// ``LaneStep/wait`` parks it until ``Effects/lanes`` names the lane.
    mutating func nextStep(lane: Int, now: Duration) -> (LaneStep, Effects) {
        let step = decideStep(lane: lane, now: now)
        if step == .wait {
            lanes[lane].parked = true
        }
        return (step, takeEffects())
    }

    private mutating func decideStep(lane: Int, now: Duration) -> LaneStep {
        if cancelled { return .exit }
        if lanes[lane].queue.isEmpty {
            if closed || fatal != nil {
                // Nothing more to write: end the body so the server answers the rest and
                // closes; a record it rejects still reopens a stream.
                if let active = lanes[lane].active {
                    retire(active)
                }
                if !lanes[lane].hasUnreported { return .exit }
            }
            return .wait
        }
        if lanes[lane].resumeAt > now {
            return .sleep(lanes[lane].resumeAt - now)
        }
        if lanes[lane].draining {
            if lanes[lane].hasUnreported { return .wait }
            lanes[lane].draining = false
        }
        guard let active = lanes[lane].active else {
            if let wait = openBucket?.take(upTo: 1, now: now).wait, wait > .zero {
                return .sleep(wait)
            }
            return .open
        }
        if recordBucket != nil {
            let (taken, wait) = recordBucket!.take(upTo: lanes[lane].queue.count, now: now)
            guard taken > 0 else { return .sleep(wait) }
            lanes[lane].allowance = taken
        }
        return .write(active)
    }

    /// Moves the lane's queued records to its active stream and appends their wire bytes to
    /// `bytes`: all of them, or as many as the record pace allowed. Called right
    /// after ``nextStep(lane:now:)`` said ``LaneStep/write(_:)``, while the stream's body
    /// takes the bytes (so bytes and records stay in the same order).
    ///
    /// - Returns: how many records and bytes were written.
    mutating func write(lane: Int, into bytes: inout [UInt8], now: (clock: Duration, wall: ContinuousClock.Instant)) -> (records: Int, bytes: Int) {
        guard !cancelled,
              let active = lanes[lane].active,
              let position = lanes[lane].position(of: active),
              !lanes[lane].draining,
              lanes[lane].resumeAt <= now.clock,
              !lanes[lane].queue.isEmpty
        else { return (0, 0) }
        var count = lanes[lane].queue.count
        if recordBucket != nil {
            count = min(count, lanes[lane].allowance)
            lanes[lane].allowance = 0
        }
        guard count > 0 else { return (0, 0) }
        if lanes[lane].streams[position].sent.isEmpty {
            lanes[lane].streams[position].lastProgress = now.wall
        }
        let start = bytes.count
        for _ in 0..<count {
            let record = lanes[lane].queue.removeFirst()
            bytes.append(contentsOf: record.wire)
            lanes[lane].streams[position].sent.append(record)
        }
        return (count, bytes.count - start)
    }

    /// The stream the writer of `lane` opened is ready: it becomes the lane's active stream.
    ///
    /// - Returns: its name, or `nil` if the producer was cancelled meanwhile (the body is
    ///   then ended and nothing read).
    mutating func streamOpened(lane: Int, now: ContinuousClock.Instant) -> ProduceStreamID? {
        guard !cancelled else { return nil }
        nextStreamSerial += 1
        let id = ProduceStreamID(lane: lane, serial: nextStreamSerial)
        lanes[lane].active = id
        lanes[lane].streams.append(ProduceStreamState(id: id, lastProgress: now))
        lanes[lane].failedOpens = 0
        return id
    }

    /// Opening a stream for `lane` failed with `error` at `now`: a retryable failure pauses
    /// the lane with backoff, within ``StreamingProducer/RetryBudget/streamOpens``; any
    /// other is fatal. A refused or failed open carried no record, so any retryable failure
    /// may be retried, whatever the method.
    mutating func openFailed(lane: Int, error: KafkaRESTError, now: Duration) -> Effects {
        guard !cancelled else { return takeEffects() }
        lanes[lane].failedOpens += 1
        let attempt = lanes[lane].failedOpens
        if error.isRetryable && attempt <= options.retryBudget.streamOpens {
            lanes[lane].resumeAt = now + options.backoff.delay(attempt: attempt)
        } else {
            becomeFatal(error)
        }
        return takeEffects()
    }

    /// Stops writing to stream `id`; its lane opens a new stream for its next record.
    mutating func retire(_ id: ProduceStreamID) {
        if let position = lanes[id.lane].position(of: id), !lanes[id.lane].streams[position].retiring {
            lanes[id.lane].streams[position].retiring = true
            effects.bodiesToFinish.append(id)
        }
        if lanes[id.lane].active == id {
            lanes[id.lane].active = nil
        }
    }
}
