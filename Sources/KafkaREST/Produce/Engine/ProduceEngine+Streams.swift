import Foundation
import KafkaRESTSupport
import Logging

extension ProduceEngine {
    /// Reads one stream's reports and gives them to the machine; when the stream ends, tells
    /// the machine how.
    ///
    /// Each chunk's reports are read in one pass with the byte-level reader (only what
    /// decides each record's outcome, ``OutcomeReport``), then handed over in one event; the
    /// reports before one that cannot be read are applied, and the stream ends at that one.
    func read(_ response: AsyncThrowingStream<Data, any Error>, on id: ProduceStreamID) async {
        var scanner = ConcatenatedJSONScanner()
        var reports: [OutcomeReport] = []
        var failure: (any Error)?
        do {
            for try await chunk in response {
                reports.removeAll(keepingCapacity: true)
                var unreadable: (any Error)?
                do {
                    try scanner.read(chunk, as: OutcomeReport.self, into: &reports)
                } catch {
                    // A report that cannot be read, or bytes that are no JSON object, end the
                    // stream after the reports before them.
                    unreadable = error
                }
                if let mismatch = received(reports, on: id) {
                    logger?.warning("delivery reports no longer match their records; the stream is abandoned", metadata: [
                        "kafka.stream": "\(id.serial)", "error": "\(mismatch)",
                    ])
                    throw mismatch
                }
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
        let (cause, unknown, resent) = withState { state in
            var cause: KafkaRESTError?
            // A stream the machine already let go of (closed after draining, or cancelled)
            // was stopped on purpose: how its reader ended says nothing about its records.
            if state.machine.isOpen(id), !state.machine.cancelled {
                cause = failure.map { Self.kafkaError($0, context: "the stream failed") }
                if state.machine.timedOut(id) {
                    cause = KafkaRESTError(
                        kind: .transport,
                        operationID: ProduceOperation.id,
                        message: "no delivery report for \(options.reportTimeout) while records were outstanding; the stream was abandoned"
                    )
                }
            }
            let effects = state.machine.streamEnded(id, failure: cause, now: clock.now)
            return ((cause, effects.results.count, effects.resends), effects)
        }
        logEnd(of: id, cause: cause, unknown: unknown, resent: resent)
    }

    /// Logs how stream `id` ended: at debug when cleanly with every report read, at warning
    /// otherwise.
    private func logEnd(of id: ProduceStreamID, cause: KafkaRESTError?, unknown: Int, resent: Int) {
        guard let logger else { return }
        var metadata: Logger.Metadata = ["kafka.stream": "\(id.serial)", "kafka.lane": "\(id.lane)"]
        guard cause != nil || unknown > 0 || resent > 0 else {
            logger.debug("produce stream ended", metadata: metadata)
            return
        }
        metadata["kafka.records.unknown"] = "\(unknown)"
        metadata["kafka.records.resent"] = "\(resent)"
        if let cause { metadata["error"] = "\(cause)" }
        logger.warning("produce stream ended abnormally", metadata: metadata)
    }

    /// Hands one chunk's reports to the machine; returns the error that ends the stream if
    /// they no longer match its records.
    private func received(_ reports: [OutcomeReport], on id: ProduceStreamID) -> KafkaRESTError? {
        guard !reports.isEmpty else { return nil }
        return withState { state in
            let (effects, mismatch) = state.machine.reportsReceived(reports, on: id, now: (clock.now, .now))
            return (mismatch, effects)
        }
    }
}
