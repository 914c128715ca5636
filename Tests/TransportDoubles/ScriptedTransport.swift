import Foundation
import KafkaRESTSupport

/// A transport for unit tests that answers each call with the next scripted step and records
/// every request it receives, headers included.
///
/// ```swift
/// let transport = ScriptedTransport([.status(503), .json(200, #"{"kind": "…"}"#)])
/// let client = Client(transport: transport)
/// _ = try await client.topic.listKafkaTopics(clusterID: "lkc-1")
/// #expect(transport.requests.count == 2)
/// ```
///
/// A call with no step left throws ``ScriptExhausted``. It belongs to no product: users fake an
/// operation group through its protocol (`TopicOperationsProtocol`, …) instead.
package final class ScriptedTransport: APITransport, @unchecked Sendable {
    /// What one call does.
    package enum Step: Sendable {
        /// Return the response.
        case response(APIResponse)
        /// Throw the error.
        case failure(any Error)

        /// A response with `status`, optional headers and a UTF-8 body.
        package static func status(_ status: Int, headers: APIHeaders = APIHeaders(), body: String = "") -> Step {
            .response(APIResponse(status: status, headers: headers, body: Data(body.utf8)))
        }

        /// A response with `status` and a JSON body, with `Content-Type: application/json`.
        package static func json(_ status: Int, _ body: String, headers: APIHeaders = APIHeaders()) -> Step {
            var headers = headers
            headers.replaceOrAdd(name: "Content-Type", value: "application/json")
            return .response(APIResponse(status: status, headers: headers, body: Data(body.utf8)))
        }
    }

    /// Thrown by ``send(_:)`` when no step is left.
    package struct ScriptExhausted: Error, CustomStringConvertible {
        /// The request that found the script empty.
        package let operationID: String
        /// The number of requests received, including this one.
        package let requestCount: Int

        /// For example `ScriptedTransport has no step left for request 3 (listKafkaTopics)`.
        package var description: String {
            "ScriptedTransport has no step left for request \(requestCount) (\(operationID))"
        }
    }

    private let lock = NSLock()
    private var steps: [Step]
    private var received: [APIRequest] = []

    /// Creates a transport that plays `steps` in order.
    package init(_ steps: [Step] = []) {
        self.steps = steps
    }

    /// Appends steps to the script.
    package func enqueue(_ steps: Step...) {
        lock.withLock { self.steps.append(contentsOf: steps) }
    }

    /// Every request received so far, in order.
    package var requests: [APIRequest] {
        lock.withLock { received }
    }

    /// The number of steps not yet played.
    package var remainingSteps: Int {
        lock.withLock { steps.count }
    }

    /// Records `request` and plays the next step.
    package func send(_ request: APIRequest) async throws -> APIResponse {
        let (step, count): (Step?, Int) = lock.withLock {
            received.append(request)
            return (steps.isEmpty ? nil : steps.removeFirst(), received.count)
        }
        switch step {
        case .response(let response)?:
            return response
        case .failure(let error)?:
            throw error
        case nil:
            throw ScriptExhausted(operationID: request.operationID, requestCount: count)
        }
    }
}
