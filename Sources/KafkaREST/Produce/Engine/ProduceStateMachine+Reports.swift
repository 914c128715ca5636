import KafkaRESTSupport

extension ProduceStateMachine {
    /// Reports read from one chunk of stream `id`, in order: each answers the oldest record
    /// written on the stream without report.
    ///
    /// - Returns: the effects, and the error that ends the stream if a report answers no
    ///   outstanding record or cannot be the oldest record's (``check(_:for:on:)``); that
    ///   record and the later ones are then left to ``streamEnded(_:failure:now:)``.
    mutating func reportsReceived(
        _ reports: [OutcomeReport],
        on id: ProduceStreamID,
        now: (clock: Duration, wall: ContinuousClock.Instant)
    ) -> (Effects, mismatch: KafkaRESTError?) {
        guard !reports.isEmpty, let position = lanes[id.lane].position(of: id) else { return (takeEffects(), nil) }
        lanes[id.lane].streams[position].lastProgress = now.wall
        // One result per report, at most: one allocation, not one per doubling.
        effects.results.reserveCapacity(effects.results.count + reports.count)
        for report in reports {
            if let mismatch = apply(report, on: id, now: now.clock) {
                mismatchedStreams += 1
                return (takeEffects(), mismatch)
            }
        }
        return (takeEffects(), nil)
    }

    /// Applies one report to the record it answers; returns why it cannot, if so.
    private mutating func apply(_ report: OutcomeReport, on id: ProduceStreamID, now: Duration) -> KafkaRESTError? {
        let lane = id.lane
        guard let position = lanes[lane].position(of: id), let oldest = lanes[lane].streams[position].sent.first else {
            return Self.mismatch("the server sent a delivery report for no outstanding record")
        }
        let outcome = report.outcome
        if case .delivered(let delivery) = outcome, let error = Self.check(delivery, for: oldest, on: &lanes[lane].streams[position]) {
            return error
        }
        var record = lanes[lane].streams[position].sent.removeFirst()
        defer {
            if lanes[lane].draining && !lanes[lane].hasUnreported { wake(lane) }
        }
        guard case .failed(let error) = outcome, error.status == 429 || error.status == 408 else {
            if case .delivered = outcome { lanes[lane].breaks = 0 }
            self.report(record, outcome)
            return nil
        }
        let tooLong = error.status == 408
        if tooLong {
            if !lanes[lane].streams[position].retiring { effects.rotations += 1 }
            retire(id)
        }
        guard takeResend(for: &record) else {
            self.report(record, .failed(exhausted(error, record)))
            return nil
        }
        lanes[lane].enqueue(record)
        if !tooLong {
            lanes[lane].resumeAt = max(lanes[lane].resumeAt, now + options.backoff.delay(attempt: record.resends))
        }
        if options.ordering == .ordered {
            lanes[lane].draining = true
        }
        wake(lane)
        return nil
    }

    /// Checks that a delivery can be the report of `record`, the oldest written on `stream`:
    /// the protocol has no correlation id, so a server that sends a report too many would
    /// shift every later report onto the wrong record. What can be caught is caught: a
    /// partition other than the record's own, and an offset on a partition no higher than
    /// one already reported on this stream (a stream's records are appended in order).
    ///
    /// - Returns: what does not match, or `nil` (and the offset is noted).
    private static func check(_ delivery: DeliveryReport, for record: PendingRecord, on stream: inout ProduceStreamState) -> KafkaRESTError? {
        if let partition = record.record.partition, partition != delivery.partition {
            return mismatch("a report for partition \(delivery.partition) answered a record sent to partition \(partition)")
        }
        if let last = stream.lastOffsets[delivery.partition], delivery.offset <= last {
            return mismatch("the server reported offset \(delivery.offset) on partition \(delivery.partition) after offset \(last) on the same stream")
        }
        stream.lastOffsets[delivery.partition] = delivery.offset
        return nil
    }

    private static func mismatch(_ what: String) -> KafkaRESTError {
        KafkaRESTError(
            kind: .decoding,
            operationID: ProduceOperation.id,
            message: "\(what): the delivery reports no longer match the records (a report too many or too few)"
        )
    }

    /// Whether stream `id` has had records outstanding for longer than `timeout` at `now`
    /// without a report; if so it is marked timed out (its reader is then stopped, and
    /// ``streamEnded(_:failure:now:)`` says why).
    mutating func progressExpired(_ id: ProduceStreamID, timeout: Duration, now: ContinuousClock.Instant) -> Bool {
        guard let position = lanes[id.lane].position(of: id) else { return false }
        let stream = lanes[id.lane].streams[position]
        guard !stream.sent.isEmpty, now - stream.lastProgress > timeout else { return false }
        lanes[id.lane].streams[position].timedOut = true
        return true
    }

    /// Whether the machine still tracks stream `id`: neither closed after draining nor ended.
    func isOpen(_ id: ProduceStreamID) -> Bool {
        lanes[id.lane].position(of: id) != nil
    }

    /// Whether stream `id` was abandoned for going too long without a report.
    func timedOut(_ id: ProduceStreamID) -> Bool {
        lanes[id.lane].position(of: id).map { lanes[id.lane].streams[$0].timedOut } ?? false
    }

    /// Stream `id` ended, cleanly (`failure` nil) or not. Records it left without report are
    /// resent when ``StreamingProducer/Options/resendUnknown`` allows, otherwise reported
    /// unknown; an unexpected end pauses the lane with backoff before the next stream.
    mutating func streamEnded(_ id: ProduceStreamID, failure: KafkaRESTError?, now: Duration) -> Effects {
        let lane = id.lane
        retire(id)
        effects.streamsToAbandon.append(id)
        guard let position = lanes[lane].position(of: id) else { return takeEffects() }
        let orphans = lanes[lane].streams.remove(at: position).sent
        guard !cancelled else { return takeEffects() }
        let cause = failure.map { "\($0)" } ?? "the response ended"
        if failure != nil || !orphans.isEmpty {
            lanes[lane].breaks += 1
            lanes[lane].resumeAt = max(lanes[lane].resumeAt, now + options.backoff.delay(attempt: lanes[lane].breaks))
        }
        for var record in orphans {
            if options.resendUnknown && takeResend(for: &record) {
                record.mayBeWritten = true
                lanes[lane].enqueue(record)
            } else {
                report(record, .unknown(reason: "the stream broke after the record was sent, before its report arrived: \(cause)"))
            }
        }
        wake(lane)
        return takeEffects()
    }
}
