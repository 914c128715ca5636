import Foundation
import KafkaREST

/// An in-memory Kafka REST streaming produce endpoint: stores records per partition,
/// answers one report per record, and misbehaves on request.
final class ProduceFakeKafka: StreamingFake, @unchecked Sendable {
    /// A record as stored, with the stream and attempt it came on.
    struct Stored: Equatable {
        var partition: Int32
        var offset: Int64
        var value: JSONValue?
    }

    /// How one stream behaves; made per stream number (from 1).
    struct Behaviour: Sendable {
        /// Break the stream (throw) once this many records were received, before handling the
        /// next one; the records already stored keep whatever reports were flushed.
        var breakAfterRecords: Int?
        /// Break after this many body bytes, possibly mid-record.
        var breakAfterBytes: Int?
        /// Reports withheld while more body is at hand (flushed when this many are pending,
        /// or when the body has nothing more for now); a break drops the withheld ones.
        var reportBatch = 1
        /// End the response normally (no error) instead of throwing when breaking.
        var endQuietly = false
        /// Wait before each report.
        var reportDelay: Duration?
    }

    /// The error thrown when the fake breaks a stream.
    struct Broken: Error {}

    let partitionsCount: Int32
    /// The error code for a received record (its value and how often the same value was seen
    /// before); nil stores it.
    let answer: @Sendable (_ value: JSONValue?, _ attempt: Int) -> Int32?
    let behaviour: @Sendable (_ stream: Int) -> Behaviour
    let openFailure: @Sendable (_ stream: Int) -> (any Error)?

    private let lock = NSLock()
    private var log: [Int32: [Stored]] = [:]
    private var attempts: [JSONValue: Int] = [:]
    private var received = 0
    private var answered = 0
    private var roundRobin: Int32 = 0
    private(set) var maxUnanswered = 0
    private(set) var streamsOpened = 0
    private(set) var paths: [String] = []
    private(set) var receivedValues: [JSONValue?] = []
    /// The `Authorization` header of every stream opened, in order.
    private(set) var authorizations: [String?] = []

    init(
        partitions: Int32 = 3,
        answer: @escaping @Sendable (_ value: JSONValue?, _ attempt: Int) -> Int32? = { _, _ in nil },
        behaviour: @escaping @Sendable (_ stream: Int) -> Behaviour = { _ in Behaviour() },
        openFailure: @escaping @Sendable (_ stream: Int) -> (any Error)? = { _ in nil }
    ) {
        partitionsCount = partitions
        self.answer = answer
        self.behaviour = behaviour
        self.openFailure = openFailure
    }

    /// Every stored record per partition, in offset order.
    var partitions: [Int32: [Stored]] { lock.withLock { log } }

    /// How many records reached the fake so far.
    var recordsReceived: Int { lock.withLock { receivedValues.count } }

    func openStream(_ request: APIRequest, body: BodyStream) async throws -> AsyncThrowingStream<Data, any Error> {
        let number = lock.withLock {
            streamsOpened += 1
            paths.append(request.path)
            authorizations.append(request.headers["Authorization"])
            return streamsOpened
        }
        if let error = openFailure(number) { throw error }
        let behaviour = behaviour(number)
        let (stream, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
        let task = Task { await self.serve(body, behaviour, continuation) }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    private func serve(_ body: BodyStream, _ behaviour: Behaviour, _ out: AsyncThrowingStream<Data, any Error>.Continuation) async {
        var splitter = ConcatenatedJSONSplitter()
        var bytes = 0
        var records = 0
        var pending: [Data] = []
        func flush() async {
            for report in pending {
                if let delay = behaviour.reportDelay { try? await Task.sleep(for: delay) }
                lock.withLock { answered += 1 }
                out.yield(report)
            }
            pending = []
        }
        func breakStream() {
            lock.withLock { answered += pending.count }
            if behaviour.endQuietly { out.finish() } else { out.finish(throwing: Broken()) }
        }
        let inbox = ChunkInbox(body)
        while let chunks = await inbox.takeAll() {
            for chunk in chunks {
                var piece = chunk
                if let limit = behaviour.breakAfterBytes, bytes + chunk.count > limit {
                    piece = chunk.prefix(limit - bytes)
                }
                bytes += piece.count
                guard let objects = try? splitter.feed(piece) else { return breakStream() }
                for object in objects {
                    if let limit = behaviour.breakAfterRecords, records >= limit { return breakStream() }
                    records += 1
                    pending.append(store(object))
                    if pending.count >= behaviour.reportBatch { await flush() }
                }
                if piece.count < chunk.count { return breakStream() }
            }
            // Idle: answer everything received, as a server does.
            await flush()
        }
        out.finish()
    }

    /// Stores one record (or rejects it) and returns its report.
    private func store(_ object: Data) -> Data {
        let request = try! JSONDecoder().decode(ProduceRequest.self, from: object)
        let value = request.value?.value?.data?.value
        return lock.withLock {
            received += 1
            maxUnanswered = max(maxUnanswered, received - answered)
            receivedValues.append(value)
            let attempt = value.map { attempts[$0, default: 0] } ?? 0
            if let value { attempts[value] = attempt + 1 }
            let report: ProduceResponse
            if let code = answer(value, attempt) {
                report = ProduceResponse(errorCode: code, message: "fake error \(code)")
            } else {
                let partition: Int32
                if let explicit = request.partitionID?.value {
                    partition = explicit
                } else {
                    partition = roundRobin
                    roundRobin = (roundRobin + 1) % partitionsCount
                }
                let offset = Int64(log[partition, default: []].count)
                log[partition, default: []].append(Stored(partition: partition, offset: offset, value: value))
                report = ProduceResponse(
                    errorCode: 200, clusterID: "fake", topicName: "t", partitionID: partition, offset: offset,
                    value: value.map { _ in .value(ProduceResponseData(size: 1, type: .json)) }
                )
            }
            return try! JSONEncoder().encode(report)
        }
    }
}

/// Collects a body's chunks as they come, so the fake can tell when it has nothing to read.
final class ChunkInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var chunks: [Data] = []
    private var ended = false
    private var waiter: CheckedContinuation<Void, Never>?
    private var pump: Task<Void, Never>?

    init(_ body: BodyStream) {
        pump = Task { [self] in
            for await chunk in body {
                add(Data(chunk))
            }
            lock.withLock { ended = true }
            wakeWaiter()
        }
    }

    deinit {
        pump?.cancel()
    }

    private func add(_ chunk: Data) {
        lock.withLock { chunks.append(chunk) }
        wakeWaiter()
    }

    private func wakeWaiter() {
        let waiting = lock.withLock {
            defer { waiter = nil }
            return waiter
        }
        waiting?.resume()
    }

    /// Every chunk received so far, waiting for one if there is none; nil once the body ended
    /// and everything was taken.
    func takeAll() async -> [Data]? {
        while true {
            let taken: [Data]? = lock.withLock {
                if !chunks.isEmpty {
                    defer { chunks = [] }
                    return chunks
                }
                return ended ? [] : nil
            }
            if let taken { return taken.isEmpty ? nil : taken }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = lock.withLock {
                    if !chunks.isEmpty || ended { return true }
                    waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
    }
}

/// A clock whose time moves only when something sleeps on it: a sleep returns at once and
/// moves the time to its deadline.
final class VirtualProduceClock: Clock, @unchecked Sendable {
    /// A point in virtual time: the time since the clock was made.
    struct Instant: InstantProtocol {
        var offset: Duration

        func advanced(by duration: Duration) -> Instant {
            Instant(offset: offset + duration)
        }

        func duration(to other: Instant) -> Duration {
            other.offset - offset
        }

        static func < (lhs: Instant, rhs: Instant) -> Bool {
            lhs.offset < rhs.offset
        }
    }

    private let lock = NSLock()
    private var current: Duration = .zero
    private(set) var sleeps: [Duration] = []

    /// The virtual time passed so far.
    var elapsed: Duration { lock.withLock { current } }

    var now: Instant { Instant(offset: elapsed) }

    var minimumResolution: Duration { .zero }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        lock.withLock {
            sleeps.append(deadline.offset - current)
            current = max(current, deadline.offset)
        }
        await Task.yield()
    }
}

/// Test records whose value is their number, so the fake's log can be traced back.
func numberedRecords(_ count: Int, partition: (Int) -> Int32? = { _ in nil }, key: (Int) -> String? = { _ in nil }) -> [KafkaRecord] {
    (0..<count).map { number in
        KafkaRecord(key: key(number).map { .string($0) }, value: .json(.integer(Int64(number))), partition: partition(number))
    }
}

/// Sends every record through a producer and collects the results, sorted by index.
func produceAll(
    _ records: [KafkaRecord],
    through fake: some APITransport,
    options: StreamingProducer.Options,
    clock: some Clock<Duration> = VirtualProduceClock()
) async throws -> [ProduceResult] {
    let stream = StreamingProducer.produce(
        AsyncStream { continuation in
            records.forEach { continuation.yield($0) }
            continuation.finish()
        },
        transport: fake,
        path: "/clusters/c/topics/t/records",
        options: options,
        clock: clock
    )
    var results: [ProduceResult] = []
    for try await result in stream {
        results.append(result)
    }
    return results.sorted { $0.index < $1.index }
}

extension RecordOutcome {
    var delivery: DeliveryReport? {
        if case .delivered(let report) = self { return report }
        return nil
    }

    var failure: KafkaRESTError? {
        if case .failed(let error) = self { return error }
        return nil
    }

    var isUnknown: Bool {
        if case .unknown = self { return true }
        return false
    }
}
