import Foundation
import KafkaRESTSupport
import Testing

@Suite("BodyStream")
struct BodyStreamTests {
    @Test("writes made before a read arrive together as one chunk; the body ends after what was written")
    func coalescesWrites() async {
        let body = BodyStream()
        body.write { $0.append(contentsOf: [1, 2]) }
        body.write { $0.append(contentsOf: [3]) }
        body.finish()
        body.write { $0.append(contentsOf: [9]) }
        var chunks: [[UInt8]] = []
        for await chunk in body { chunks.append(chunk) }
        #expect(chunks == [[1, 2, 3]], "a write after finish is dropped")
    }

    @Test("a read waiting for bytes gets the next write")
    func waitingReadResumes() async {
        let body = BodyStream()
        let reader = Task {
            var iterator = body.makeAsyncIterator()
            return await iterator.next()
        }
        try? await Task.sleep(for: .milliseconds(20))
        body.write { $0.append(42) }
        #expect(await reader.value == [42])
    }

    @Test("the body is unread until a chunk is handed out")
    func unreadUntilRead() async {
        let body = BodyStream()
        #expect(body.isUnread)
        body.write { $0.append(1) }
        #expect(body.isUnread, "written is not read")
        var iterator = body.makeAsyncIterator()
        #expect(await iterator.next() == [1])
        #expect(!body.isUnread)
    }

    @Test("a new iterator ends the earlier one, which then reads nothing more")
    func newIteratorSupersedes() async {
        let body = BodyStream()
        var first = body.makeAsyncIterator()
        var second = body.makeAsyncIterator()
        body.write { $0.append(7) }
        #expect(await first.next() == nil)
        #expect(await second.next() == [7])
    }

    @Test("a waiting read of a superseded iterator ends when the new one is made")
    func waitingSupersededReadEnds() async {
        let body = BodyStream()
        let waiting = Task {
            var iterator = body.makeAsyncIterator()
            return await iterator.next()
        }
        try? await Task.sleep(for: .milliseconds(20))
        var second = body.makeAsyncIterator()
        #expect(await waiting.value == nil)
        body.write { $0.append(5) }
        #expect(await second.next() == [5])
    }

    @Test("cancelling the reading task ends its read")
    func cancelledReadEnds() async {
        let body = BodyStream()
        let reader = Task {
            var iterator = body.makeAsyncIterator()
            return await iterator.next()
        }
        reader.cancel()
        #expect(await reader.value == nil)
    }
}
