import AsyncHTTPClient
import Foundation
@testable import KafkaREST
import NIOCore
import NIOSSL
import Testing

@Suite("Transport error classification")
struct TransportFailureClassifierTests {
    /// Errors and the phase they stand for, as tabulated on `TransportFailureClassifier`.
    static let cases: [(error: any Error & Sendable, phase: TransportFailure.Phase)] = [
        (IOError(errnoCode: ECONNREFUSED, reason: "connect"), .connecting),
        (IOError(errnoCode: EHOSTUNREACH, reason: "connect"), .connecting),
        (IOError(errnoCode: ENETUNREACH, reason: "connect"), .connecting),
        (IOError(errnoCode: EPIPE, reason: "write"), .sending),
        (IOError(errnoCode: ECONNRESET, reason: "read"), .awaitingResponse),
        (ChannelError.connectTimeout(.seconds(1)), .connecting),
        (ChannelError.eof, .awaitingResponse),
        (NIOSSLError.uncleanShutdown, .awaitingResponse),
        (HTTPClientError.connectTimeout, .connecting),
        (HTTPClientError.tlsHandshakeTimeout, .connecting),
        (HTTPClientError.getConnectionFromPoolTimeout, .connecting),
        (HTTPClientError.writeTimeout, .sending),
        (HTTPClientError.bodyLengthMismatch, .sending),
        (HTTPClientError.readTimeout, .awaitingResponse),
        (HTTPClientError.remoteConnectionClosed, .awaitingResponse),
        (HTTPClientError.deadlineExceeded, .awaitingResponse),
        (URLError(.unknown), .awaitingResponse),
    ]

    @Test("networking errors map to phases", arguments: cases.indices)
    func phase(index: Int) {
        let (error, expected) = Self.cases[index]
        #expect(TransportFailureClassifier.phase(of: error) == expected, "\(error)")
        let translated = TransportFailureClassifier.translate(error, operationID: "op")
        #expect((translated as? TransportFailure)?.phase == expected)
    }

    @Test(
        "a refused certificate or TLS negotiation is a transport error that is never retried",
        arguments: [NIOSSLError.handshakeFailed(.sslError([])), NIOSSLExtraError.failedToValidateHostname] as [any Error & Sendable]
    )
    func tlsRefusal(error: any Error & Sendable) throws {
        let translated = TransportFailureClassifier.translate(error, operationID: "op")
        let failure = try #require(translated as? KafkaRESTError, "\(translated)")
        #expect(failure.kind == .transport)
        #expect(failure.operationID == "op")
        #expect(failure.message.contains("the TLS handshake failed"), "\(failure.message)")
        #expect(!(failure.underlyingError is TransportFailure))
        for method in [APIMethod.get, .post] {
            #expect(RetryClassifier.reason(for: translated, method: method) == nil, "\(method)")
        }
    }

    @Test("a shut-down client is an invalid request, not a transport failure")
    func alreadyShutdown() {
        let translated = TransportFailureClassifier.translate(HTTPClientError.alreadyShutdown, operationID: "op")
        #expect((translated as? KafkaRESTError)?.kind == .invalidRequest)
        #expect((translated as? KafkaRESTError)?.operationID == "op")
    }

    @Test("KafkaRESTError and TransportFailure pass through unchanged")
    func passThrough() {
        let error = KafkaRESTError(kind: .transport, message: "too big")
        #expect((TransportFailureClassifier.translate(error, operationID: "op") as? KafkaRESTError)?.message == "too big")
        let failure = TransportFailure(phase: .sending, underlying: HTTPClientError.writeTimeout)
        #expect((TransportFailureClassifier.translate(failure, operationID: "op") as? TransportFailure)?.phase == .sending)
    }
}
