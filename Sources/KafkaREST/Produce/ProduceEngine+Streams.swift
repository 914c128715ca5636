import Foundation
import KafkaRESTSupport

extension ProduceEngine {
    /// Reads one stream's reports and matches each to the oldest record written without
    /// report; when the stream ends, records left without report are handled as broken.
    ///
    /// Each chunk is scanned and its reports read in one pass with the byte-level reader, then
    /// applied under one lock acquisition; the reports before one that cannot be read are
    /// applied, and the stream ends at that one.
    func read(_ response: AsyncThrowingStream<Data, any Error>, on handle: ProduceStreamHandle) async {
        var scanner = ConcatenatedJSONScanner()
        var reports: [ProduceResponse] = []
        var failure: (any Error)?
        do {
            for try await chunk in response {
                reports.removeAll(keepingCapacity: true)
                var unreadable: (any Error)?
                do {
                    try scanner.feed(chunk) { object in
                        guard unreadable == nil else { return }
                        do {
                            reports.append(try ProduceResponse(jsonBytes: object))
                        } catch {
                            unreadable = error
                        }
                    }
                } catch {
                    // Bytes that are no JSON object end the stream, after the reports before them.
                    unreadable = unreadable ?? error
                }
                try apply(reports, on: handle)
                if let unreadable { throw unreadable }
            }
            try scanner.finish()
        } catch let error as JSONDecodingError {
            failure = KafkaRESTError(
                kind: .decoding,
                operationID: ProduceOperation.id,
                message: "a delivery report could not be decoded: \(error)",
                underlyingError: error
            )
        } catch {
            failure = error
        }
        if locked({ handle.timedOut }) {
            failure = KafkaRESTError(
                kind: .transport,
                operationID: ProduceOperation.id,
                message: "no delivery report for \(options.reportTimeout) while records were outstanding; the stream was abandoned"
            )
        }
        streamEnded(handle, failure: failure)
    }

    /// Applies the reports read from one chunk, in order, under one lock acquisition.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/decoding`` if a report
    ///   answers no outstanding record.
    func apply(_ reports: [ProduceResponse], on handle: ProduceStreamHandle) throws {
        guard !reports.isEmpty else { return }
        try locked {
            handle.lastProgress = .now
            for report in reports {
                try apply(report, on: handle)
            }
        }
    }

    /// Applies one report to the record it answers.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/decoding`` if no record is
    ///   waiting for a report on this stream, or the report cannot be the oldest record's
    ///   (``check(_:for:on:)``); that record and the later ones are then left to the broken
    ///   stream's handling. Caller holds the lock.
    func apply(_ report: ProduceResponse, on handle: ProduceStreamHandle) throws {
        guard !handle.sent.isEmpty else {
            throw KafkaRESTError(
                kind: .decoding,
                operationID: ProduceOperation.id,
                message: "the server sent a delivery report for no outstanding record"
            )
        }
        let outcome = report.outcome
        if case .delivered(let delivery) = outcome {
            try check(delivery, for: handle.sent.first!, on: handle)
        }
        let record = handle.sent.removeFirst()
        let lane = handle.lane
        defer {
            if lanes[lane].draining && !lanes[lane].hasUnreported { wake(lane) }
        }
        guard !record.reported else { return }
        guard case .failed(let error) = outcome, error.status == 429 || error.status == 408 else {
            if case .delivered = outcome { lanes[lane].breaks = 0 }
            self.report(record, outcome)
            return
        }
        let tooLong = error.status == 408
        if tooLong {
            if !handle.retiring { metrics.rotations.increment() }
            retire(handle)
        }
        guard takeResend(for: record) else {
            self.report(record, .failed(exhausted(error, record)))
            return
        }
        lanes[lane].enqueue(record)
        if !tooLong {
            lanes[lane].resumeAt = max(lanes[lane].resumeAt, clock.now + options.backoff.delay(attempt: record.resends))
        }
        if options.ordering == .ordered {
            lanes[lane].draining = true
        }
        wake(lane)
    }

    /// Checks that a delivery can be the report of `record`, the oldest written on `handle`:
    /// the protocol has no correlation id, so a server that sends a report too many would
    /// shift every later report onto the wrong record. What can be caught is caught: a
    /// partition other than the record's own, and an offset on a partition no higher than
    /// one already reported on this stream (a stream's records are appended in order).
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/decoding`` saying what does
    ///   not match. Caller holds the lock.
    func check(_ delivery: DeliveryReport, for record: PendingRecord, on handle: ProduceStreamHandle) throws {
        if let partition = record.record.partition, partition != delivery.partition {
            throw mismatch("a report for partition \(delivery.partition) answered a record sent to partition \(partition)")
        }
        if let last = handle.lastOffsets[delivery.partition], delivery.offset <= last {
            throw mismatch("the server reported offset \(delivery.offset) on partition \(delivery.partition) after offset \(last) on the same stream")
        }
        handle.lastOffsets[delivery.partition] = delivery.offset
    }

    private func mismatch(_ what: String) -> KafkaRESTError {
        KafkaRESTError(
            kind: .decoding,
            operationID: ProduceOperation.id,
            message: "\(what): the delivery reports no longer match the records (a report too many or too few)"
        )
    }

    /// Stops writing to `handle`; the lane opens a new stream for its next record. Caller
    /// holds the lock.
    func retire(_ handle: ProduceStreamHandle) {
        handle.retire()
        if lanes[handle.lane].active === handle {
            lanes[handle.lane].active = nil
        }
    }

    /// Forgets an ended stream. Records it left without report are resent when
    /// ``StreamingProducer/Options/resendUnknown`` allows, otherwise reported unknown; an
    /// unexpected end pauses the lane with backoff before the next stream.
    func streamEnded(_ handle: ProduceStreamHandle, failure: (any Error)?) {
        locked {
            let lane = handle.lane
            retire(handle)
            handle.watchdog?.cancel()
            lanes[lane].streams.removeAll { $0 === handle }
            metrics.openStreams.record(lanes.reduce(0) { $0 + $1.streams.count })
            let orphans = handle.sent
            handle.sent = []
            guard !cancelled else { return }
            let cause = failure.map { "\(Self.kafkaError($0, context: "the stream failed"))" } ?? "the response ended"
            if failure != nil || !orphans.isEmpty {
                lanes[lane].breaks += 1
                lanes[lane].resumeAt = max(lanes[lane].resumeAt, clock.now + options.backoff.delay(attempt: lanes[lane].breaks))
            }
            for record in orphans where !record.reported {
                if options.resendUnknown && takeResend(for: record) {
                    record.mayBeWritten = true
                    lanes[lane].enqueue(record)
                } else {
                    report(record, .unknown(reason: "the stream broke after the record was sent, before its report arrived: \(cause)"))
                }
            }
            wake(lane)
        }
    }
}
