import Dispatch
@testable import KafkaREST
import Synchronization
import Testing

/// A serial executor that counts the jobs given to it: each is a hop onto it.
private final class CountingExecutor: SerialExecutor {
    private let queue = DispatchQueue(label: "counting-executor")
    private let count = Mutex(0)

    /// Jobs enqueued so far.
    var jobs: Int { count.withLock { $0 } }

    func enqueue(_ job: consuming ExecutorJob) {
        count.withLock { $0 += 1 }
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedSerialExecutor()) }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}

/// A user's actor that sends records and reads results on its own executor.
private actor Producing {
    let executor = CountingExecutor()

    nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    /// Hops onto the actor, sends every record, and returns how many jobs the actor's executor
    /// was given meanwhile (the hop in is one).
    func send(_ records: [KafkaRecord], to producer: StreamingProducer) async throws -> Int {
        let before = executor.jobs
        for record in records {
            try await producer.send(record)
        }
        try await producer.send(contentsOf: records)
        return executor.jobs - before
    }

    /// Reads results until `count` have come, and returns them with the jobs the actor's
    /// executor was given meanwhile.
    func read(_ count: Int, from producer: StreamingProducer) async -> (results: Int, jobs: Int) {
        let before = executor.jobs
        var results = 0
        for await _ in producer.results {
            results += 1
            if results == count { break }
        }
        return (results, executor.jobs - before)
    }
}

@Suite("Produce: sending and reading on the caller's executor")
struct CallerExecutorTests {
    @Test("sends into a window with room, and reads of results already there, make no hop off the caller's actor")
    func noHopsPerRecord() async throws {
        let records = streamingRecords(200)
        let producer = StreamingProducer(transport: PiecewiseReports(piece: 1 << 20), path: "/p", options: streamingOptions(maxInFlight: 1000))
        let actor = Producing()
        let sendJobs = try await actor.send(records, to: producer)
        // The hop in is one job; a hop per `send(_:)` would add one per record, 200 here.
        #expect(sendJobs < 20, "\(sendJobs) jobs for \(2 * records.count) sends")
        await producer.finish()
        let (results, readJobs) = await actor.read(2 * records.count, from: producer)
        #expect(results == 2 * records.count)
        // A hop per result would give one job per result, 400 here.
        #expect(readJobs < 20, "\(readJobs) jobs for \(results) results already reported")
    }
}
