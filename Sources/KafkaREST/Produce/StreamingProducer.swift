import Foundation
import Logging
import Metrics

/// Produces records over streaming requests: records are written as they are given, and a
/// delivery report comes back for each, so one connection carries thousands of records per
/// second.
///
/// ```swift
/// let producer = try kafka.streamingProducer(topic: "orders", options: .init(limits: .standard))
/// Task {
///     for await result in producer.results { handle(result) }
/// }
/// for record in records { try await producer.send(record) }
/// await producer.finish()
/// ```
///
/// Every record for which ``send(_:)`` returns is reported exactly once in ``results``:
/// - ``RecordOutcome/delivered(_:)`` with its partition and offset;
/// - ``RecordOutcome/failed(_:)`` when the server rejected it (per-record error codes such as
///   400, 404, 413 or 5xx; 429 and 408 after the retry budget), when it is larger than
///   ``ProduceLimits/maxMessageBytes`` (never sent), when it was cancelled before being
///   sent, or when the producer hit an unrecoverable error (such as a 401 when opening a
///   stream that a refreshed bearer token did not cure) before sending it;
/// - ``RecordOutcome/unknown(reason:)`` when it was written to a stream that broke before its
///   report came, or that was cancelled: it may or may not be in Kafka.
///
/// Per-record 429 and 408 answers are resent within ``Options/retryBudget``: a 429 pauses
/// that stream for the backoff, a 408 ("stream open too long") moves the stream's later
/// records to a new stream. See ``Ordering`` for what happens to order.
///
/// Backpressure: at most ``Options/maxInFlight`` records are given and not yet reported;
/// ``send(_:)`` waits for room. Results are buffered until read, so read them as they come.
public final class StreamingProducer: Sendable {
    private let engine: ProduceEngine

    /// The result of every record given, in the order the reports arrive (per stream, the
    /// order records were written). It ends after ``finish()`` or ``cancel()``.
    ///
    /// If the task reading it is cancelled, the producer is cancelled: the results of every
    /// remaining record are still delivered to it before the sequence ends.
    public let results: ProduceResults

    /// Creates a producer; it opens its first stream when the first record comes.
    ///
    /// - Parameters:
    ///   - transport: Opens the streaming requests with ``APITransport/stream(_:)``; a
    ///     ``MiddlewareTransport`` passes them through its middlewares (as
    ///     ``KafkaRESTClient/streamingProducer(topic:cluster:options:)`` does).
    ///   - path: The produce path relative to the v3 base URL,
    ///     `/clusters/{cluster_id}/topics/{topic_name}/records`, percent-encoded.
    ///   - options: Window, streams, ordering, resends, pacing.
    ///   - clock: The time source for pacing and backoff (`ContinuousClock` by default; a
    ///     test can pass a clock of its own).
    ///   - metricsFactory: Where the producer's metrics go (``MetricNames``);
    ///     `MetricsSystem.factory` by default.
    ///   - logger: Where the producer logs its streams: opened and ended at debug, broken
    ///     streams, failed opens and reports that do not match their records at warning;
    ///     `nil` logs nothing.
    public init(
        transport: any APITransport,
        path: String,
        options: Options = Options(),
        clock: some Clock<Duration> = ContinuousClock(),
        metricsFactory: (any MetricsFactory)? = nil,
        logger: Logger? = nil
    ) {
        let (stream, continuation) = AsyncStream<[ProduceResult]>.makeStream()
        results = ProduceResults(batches: stream)
        engine = Self.makeEngine(
            transport: transport,
            path: path,
            options: options,
            clock: ProduceClock(clock),
            metrics: Self.metrics(path: path, factory: metricsFactory),
            logger: logger,
            emit: { continuation.yield($0) },
            finish: { _ in continuation.finish() },
            termination: { handler in continuation.onTermination = { if case .cancelled = $0 { handler() } } }
        )
    }

    /// Creates a producer whose results go to `emit` and `finish`, for ``produce(_:transport:path:options:clock:metricsFactory:logger:)``.
    private init(engine: ProduceEngine) {
        self.engine = engine
        results = ProduceResults(batches: AsyncStream { $0.finish() })
    }

    /// Makes and starts an engine; `termination` installs a handler to call when the
    /// results' reader goes away.
    private static func makeEngine(
        transport: any APITransport,
        path: String,
        options: Options,
        clock: ProduceClock,
        metrics: ProducerMetrics,
        logger: Logger?,
        emit: @escaping @Sendable ([ProduceResult]) -> Void,
        finish: @escaping @Sendable (KafkaRESTError?) -> Void,
        termination: (@escaping @Sendable () -> Void) -> Void
    ) -> ProduceEngine {
        let engine = ProduceEngine(
            transport: transport,
            path: path,
            options: options,
            clock: clock,
            metrics: metrics,
            logger: logger,
            emit: emit,
            finishResults: finish
        )
        termination { [weak engine] in engine?.cancel() }
        engine.start()
        return engine
    }

    deinit {
        engine.cancel()
    }

    /// The metrics of a producer for `path`, dimensioned by its topic.
    private static func metrics(path: String, factory: (any MetricsFactory)?) -> ProducerMetrics {
        let request = APIRequest(operationID: ProduceOperation.id, method: .post, pathTemplate: ProduceOperation.pathTemplate, path: path)
        let topic = request.pathParameters.first { $0.name == "topic_name" }?.value ?? path
        return ProducerMetrics(topic: topic, factory: factory ?? MetricsSystem.factory)
    }

    /// Gives a record to the producer, waiting while ``Options/maxInFlight`` records are
    /// outstanding.
    ///
    /// Once this returns, the record is reported exactly once in ``results`` (a record too
    /// large is reported failed at once and never sent).
    ///
    /// If the producer is cancelled, or hits an unrecoverable error, while this waits, the
    /// record is accepted and reported failed with that reason.
    ///
    /// - Throws: without accepting the record: `CancellationError` if the calling task is
    ///   cancelled while waiting or the producer was cancelled before, the unrecoverable
    ///   ``KafkaRESTError`` once the producer has hit one, or a ``KafkaRESTError`` of kind
    ///   ``KafkaRESTError/Kind/invalidRequest`` after ``finish()``.
    ///
    /// It runs on the caller's executor (an actor's included), where the record is encoded:
    /// a send into a window with room makes no hop to another executor.
    public nonisolated(nonsending) func send(_ record: KafkaRecord) async throws {
        try await engine.send(record)
    }

    /// Gives several records to the producer, in order, as ``send(_:)`` gives each, with one
    /// lock for as many as the window has room for: a caller holding records in batches (lines
    /// of a file, messages of a queue) pays for the hand-over once per batch.
    ///
    /// Once this returns, every record is reported exactly once in ``results``, with
    /// consecutive indices in the order given (unless other tasks send at the same time).
    ///
    /// - Throws: As ``send(_:)`` does, for the first record that is not accepted: the records
    ///   before it were accepted and are reported; it and the records after it were not.
    ///   ``acceptedRecords`` tells how many were taken in all.
    public nonisolated(nonsending) func send(contentsOf records: some Collection<KafkaRecord>) async throws {
        try await engine.send(contentsOf: records)
    }

    /// Records taken so far (by ``send(_:)``, ``send(contentsOf:)`` or, for
    /// ``produce(_:transport:path:options:clock:metricsFactory:logger:)``, from the sequence),
    /// each of them reported once in ``results``: the index the next record taken gets.
    public var acceptedRecords: Int {
        engine.acceptedRecords
    }

    /// Stops accepting records, waits until every record given is reported (resends
    /// included), closes the streams and ends ``results``.
    public func finish() async {
        await engine.finish()
    }

    /// Finishes as ``finish()`` does, waiting at most `gracePeriod`; records still outstanding
    /// then are reported as by ``cancel()`` and ``results`` ends.
    public func finish(within gracePeriod: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.finish() }
            group.addTask {
                do {
                    try await Task.sleep(for: gracePeriod)
                    self.cancel()
                } catch {
                    // Finished in time.
                }
            }
            await group.next()
            group.cancelAll()
        }
    }

    /// Stops at once: records written without report are reported unknown, records not yet
    /// written fail as cancelled, and ``results`` ends after them.
    public func cancel() {
        engine.cancel()
    }

    /// How many streams were abandoned because their delivery reports stopped matching the
    /// records written: a report when no record was outstanding, a partition other than the
    /// record's, or an offset not above the last one on its partition in that stream.
    ///
    /// The streaming protocol has no correlation id, so on such a stream the reports before
    /// the mismatch was caught may have answered other records than the ones they were
    /// matched to (their records were reported delivered, with possibly wrong partitions and
    /// offsets). Records still outstanding when it was caught are handled as on a broken
    /// stream. A caller that needs certainty treats a count above zero as a warning about the
    /// whole run, as `kafka-rest produce` does.
    public var mismatchedStreams: Int {
        engine.mismatchedStreams
    }

    /// The options the producer was created with.
    public var options: Options {
        engine.options
    }

    /// Produces every record of `records` and returns their results as they come, indexed by
    /// position in `records`; the stream ends once all are reported.
    ///
    /// If `records` throws, the records already taken are still produced and reported, then
    /// the stream throws that error. After an unrecoverable error (such as a second 401 when
    /// opening a stream) every record taken is reported failed, reading `records` stops and
    /// the stream throws the error. If the task reading the stream is cancelled, reading `records`
    /// stops and the results of every record taken are delivered (unknown if written, failed
    /// if not) before the stream ends; only a record the sequence hands over at that very
    /// moment can be taken without being reported.
    public static func produce<S: AsyncSequence & Sendable>(
        _ records: S,
        transport: any APITransport,
        path: String,
        options: Options = Options(),
        clock: some Clock<Duration> = ContinuousClock(),
        metricsFactory: (any MetricsFactory)? = nil,
        logger: Logger? = nil
    ) -> ProduceResultStream where S.Element == KafkaRecord {
        let (stream, continuation) = AsyncThrowingStream<[ProduceResult], any Error>.makeStream()
        let outcome = ProduceFeedOutcome()
        let engine = makeEngine(
            transport: transport,
            path: path,
            options: options,
            clock: ProduceClock(clock),
            metrics: metrics(path: path, factory: metricsFactory),
            logger: logger,
            emit: { continuation.yield($0) },
            finish: { fatal in continuation.finish(throwing: outcome.error ?? fatal) },
            termination: { _ in }
        )
        let producer = StreamingProducer(engine: engine)
        let feeder = Task {
            do {
                for try await record in records {
                    do {
                        try await producer.send(record)
                    } catch is CancellationError {
                        break
                    } catch {
                        engine.reportRefused(record, error: error)
                        outcome.error = error
                        break
                    }
                }
            } catch {
                outcome.error = error
            }
            await producer.finish()
        }
        continuation.onTermination = { termination in
            if case .cancelled = termination {
                producer.cancel()
                feeder.cancel()
            }
        }
        return ProduceResultStream(batches: stream)
    }
}

/// The error that ends a ``StreamingProducer/produce(_:transport:path:options:clock:metricsFactory:logger:)`` stream.
private final class ProduceFeedOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var error: (any Error)? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
