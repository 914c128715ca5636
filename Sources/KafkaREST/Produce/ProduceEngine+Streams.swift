import Foundation

extension ProduceEngine {
    /// Reads one stream's reports and matches each to the oldest record written without
    /// report; when the stream ends, records left without report are handled as broken.
    func read(_ response: AsyncThrowingStream<Data, any Error>, on handle: ProduceStreamHandle) async {
        var splitter = ConcatenatedJSONSplitter()
        let decoder = JSONDecoder()
        var failure: (any Error)?
        do {
            for try await chunk in response {
                for object in try splitter.feed(chunk) {
                    let report: ProduceResponse
                    do {
                        report = try decoder.decode(ProduceResponse.self, from: object)
                    } catch {
                        throw KafkaRESTError(
                            kind: .decoding,
                            operationID: "produceRecord",
                            message: "a delivery report could not be decoded: \(error)",
                            underlyingError: error
                        )
                    }
                    try apply(report, on: handle)
                }
            }
            try splitter.finish()
        } catch {
            failure = error
        }
        streamEnded(handle, failure: failure)
    }

    /// Applies one report to the record it answers.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/decoding`` if no record is
    ///   waiting for a report on this stream.
    func apply(_ report: ProduceResponse, on handle: ProduceStreamHandle) throws {
        try lock.withLock {
            guard !handle.sent.isEmpty else {
                throw KafkaRESTError(
                    kind: .decoding,
                    operationID: "produceRecord",
                    message: "the server sent a delivery report for no outstanding record"
                )
            }
            let record = handle.sent.removeFirst()
            let lane = handle.lane
            defer {
                if lanes[lane].draining && !lanes[lane].hasUnreported { wake(lane) }
            }
            guard !record.reported else { return }
            let outcome = report.outcome
            guard case .failed(let error) = outcome, error.status == 429 || error.status == 408 else {
                if case .delivered = outcome { lanes[lane].breaks = 0 }
                self.report(record, outcome)
                return
            }
            let tooLong = error.status == 408
            if tooLong {
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
        lock.withLock {
            let lane = handle.lane
            retire(handle)
            lanes[lane].streams.removeAll { $0 === handle }
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
