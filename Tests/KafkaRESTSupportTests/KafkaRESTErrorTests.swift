import Foundation
import KafkaRESTSupport
import Testing

@Suite struct KafkaRESTErrorTests {
    @Test(arguments: [429, 502, 503, 504])
    func retryableStatuses(status: Int) {
        #expect(KafkaRESTError(kind: .http, status: status, message: "HTTP \(status)").isRetryable)
    }

    @Test(arguments: [400, 401, 403, 404, 409, 500, 501])
    func nonRetryableStatuses(status: Int) {
        #expect(!KafkaRESTError(kind: .http, status: status, message: "HTTP \(status)").isRetryable)
    }

    @Test func retriableInternalErrorCode() {
        let error = KafkaRESTError(kind: .http, status: 500, errorCode: 50003, message: "retriable")
        #expect(error.isRetryable)
        #expect(error.retryability == .idempotentOnly)
        #expect(KafkaRESTError(kind: .http, status: 429, message: "slow down").retryability == .anyMethod)
    }

    @Test func retryabilityByKind() {
        let refused = TransportFailure(phase: .connecting, underlying: CancellationError())
        #expect(KafkaRESTError(kind: .transport, message: "connection refused", underlyingError: refused).retryability == .anyMethod)
        let reset = TransportFailure(phase: .awaitingResponse, underlying: CancellationError())
        #expect(KafkaRESTError(kind: .transport, message: "connection reset", underlyingError: reset).retryability == .idempotentOnly)
        #expect(!KafkaRESTError(kind: .transport, message: "the response body exceeds 32 MiB").isRetryable, "no failure behind it: the same answer again")
        #expect(!KafkaRESTError(kind: .decoding, status: 503, message: "bad body").isRetryable)
        #expect(!KafkaRESTError(kind: .encoding, message: "nan").isRetryable)
        #expect(!KafkaRESTError(kind: .invalidRequest, message: "missing cluster_id").isRetryable)
    }

    @Test("kinds are distinct values named by their description, matched with case patterns")
    func kinds() {
        let kinds: [KafkaRESTError.Kind] = [.http, .decoding, .encoding, .transport, .invalidRequest]
        #expect(Set(kinds).count == 5)
        #expect(kinds.map(\.description) == ["http", "decoding", "encoding", "transport", "invalidRequest"])
        let matched = kinds.map { kind -> String in
            switch kind {
            case .http: "server"
            case .transport: "network"
            default: "client"
            }
        }
        #expect(matched == ["server", "client", "client", "network", "client"])
    }

    @Test func descriptionListsWhatIsKnown() {
        #expect(
            KafkaRESTError(kind: .transport, operationID: "listKafkaTopics", message: "timed out").description
                == "KafkaRESTError(transport, listKafkaTopics): timed out"
        )
        #expect(KafkaRESTError(kind: .invalidRequest, message: "empty name").description
            == "KafkaRESTError(invalidRequest): empty name")
        #expect(
            KafkaRESTError(kind: .http, operationID: "produceRecord", status: 500, errorCode: 50003, message: "Kafka error")
                .description == "KafkaRESTError(http 500, error_code 50003, produceRecord): Kafka error"
        )
    }

    @Test func initialiserStoresEveryField() {
        let cause = URLError(.timedOut)
        let error = KafkaRESTError(
            kind: .transport,
            operationID: "op",
            status: nil,
            errorCode: nil,
            message: "timed out",
            bodySnippet: "partial",
            retryAfter: .seconds(2),
            underlyingError: cause
        )
        #expect(error.kind == .transport)
        #expect(error.operationID == "op")
        #expect(error.status == nil)
        #expect(error.bodySnippet == "partial")
        #expect(error.retryAfter == .seconds(2))
        #expect((error.underlyingError as? URLError)?.code == .timedOut)
    }
}
