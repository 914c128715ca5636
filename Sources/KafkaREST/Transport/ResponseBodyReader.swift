import AsyncHTTPClient
import Foundation
import NIOCore

/// Reads a streamed response body as `Data` chunks, turning errors into the transport's
/// errors (see ``TransportFailureClassifier``).
///
/// The stream reads in the task that iterates it, so cancelling that task cancels the read
/// and with it the request; dropping the stream does the same.
final class ResponseBodyReader: @unchecked Sendable {
    /// Only touched by the one task iterating ``stream``, one call at a time.
    private var iterator: HTTPClientResponse.Body.AsyncIterator
    private let operationID: String

    init(_ body: HTTPClientResponse.Body, operationID: String) {
        iterator = body.makeAsyncIterator()
        self.operationID = operationID
    }

    /// The body's chunks as they arrive; it ends with the response.
    var stream: AsyncThrowingStream<Data, any Error> {
        AsyncThrowingStream(unfolding: next)
    }

    private func next() async throws -> Data? {
        do {
            return try await iterator.next().map { Data($0.readableBytesView) }
        } catch {
            throw TransportFailureClassifier.translate(error, operationID: operationID)
        }
    }
}
