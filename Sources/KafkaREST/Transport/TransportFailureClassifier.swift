import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Turns AsyncHTTPClient and SwiftNIO errors into the errors a transport throws.
///
/// | Error | Result |
/// |---|---|
/// | `NIOConnectionError` (DNS failure, every address refused) | ``TransportFailure`` `.connecting` |
/// | `IOError` `ECONNREFUSED`, `ENETUNREACH`, `EHOSTUNREACH`, `ENETDOWN`, `EHOSTDOWN`, `EADDRNOTAVAIL` | `.connecting` |
/// | `SocketAddressError`, `SocketAddressError.UnknownHost` (host cannot be resolved) | `.connecting` |
/// | `ChannelError.connectTimeout`, `HTTPClientError.connectTimeout` | `.connecting` |
/// | `HTTPClientError.tlsHandshakeTimeout`, `.socksHandshakeTimeout`, `.httpProxyHandshakeTimeout`, `.proxyAuthenticationRequired`, `.invalidProxyResponse`, `.getConnectionFromPoolTimeout` | `.connecting` |
/// | `NIOSSLError.handshakeFailed`, any `NIOSSLExtraError` (certificate or host name rejected) | ``KafkaRESTError`` `.transport` without a ``TransportFailure``, so it is not retried |
/// | `IOError` `EPIPE`, `HTTPClientError.writeTimeout`, `.bodyLengthMismatch`, `.requestStreamCancelled` | `.sending` |
/// | `HTTPClientError.readTimeout`, `.remoteConnectionClosed`, `.deadlineExceeded`, `.uncleanShutdown`, `IOError` `ECONNRESET`, anything else | `.awaitingResponse` |
/// | `HTTPClientError.alreadyShutdown`, `.invalidURL`, `.emptyHost`, `.emptyScheme` | ``KafkaRESTError`` `.invalidRequest` |
/// | `HTTPClientError.invalidHeaderFieldNames`, `.invalidHeaderFieldValues` | ``KafkaRESTError`` `.invalidRequest`, without the names or values |
/// | `HTTPClientError.cancelled` in a cancelled task | `CancellationError` |
///
/// `.connecting` is only chosen when the request cannot have reached the server, because
/// ``RetryMiddleware`` repeats even a POST then. A refused certificate or a failed TLS
/// negotiation is not a `.connecting` failure although nothing was sent: it fails the same way
/// every time, so repeating it only delays the error. `deadlineExceeded` counts as
/// `.awaitingResponse` although it can also strike while waiting for a connection: the error
/// does not say which.
enum TransportFailureClassifier {
    /// The error to throw for `error` raised while sending the request of `operationID`.
    static func translate(_ error: any Error, operationID: String) -> any Error {
        if error is KafkaRESTError || error is TransportFailure || error is CancellationError {
            return error
        }
        if let clientError = error as? HTTPClientError {
            if clientError == .cancelled, Task.isCancelled {
                return CancellationError()
            }
            if invalidHeaderErrors.contains(where: { $0.shortDescription == clientError.shortDescription }) {
                return KafkaRESTError(
                    kind: .invalidRequest,
                    operationID: operationID,
                    message: "a request header name or value has characters HTTP does not allow, such as a line break; the header is not shown"
                )
            }
            if unusableClientErrors.contains(clientError) {
                return KafkaRESTError(
                    kind: .invalidRequest,
                    operationID: operationID,
                    message: "the HTTP client cannot send this request: \(clientError)",
                    underlyingError: clientError
                )
            }
        }
        if isTLSRefusal(error) {
            return KafkaRESTError(
                kind: .transport,
                operationID: operationID,
                message: "the TLS handshake failed (a certificate that is not trusted, a host name it does not cover, or no protocol both sides speak), so the request was not sent; not retried, since it fails the same way every time: \(error)",
                underlyingError: error
            )
        }
        return TransportFailure(phase: phase(of: error), underlying: error)
    }

    /// Whether `error` says the TLS handshake was refused: the server's certificate or host
    /// name was not accepted, or the two sides share no protocol version or cipher.
    static func isTLSRefusal(_ error: any Error) -> Bool {
        if error is NIOSSLExtraError { return true }
        if let error = error as? NIOSSLError, case .handshakeFailed = error { return true }
        return false
    }

    /// How far an exchange that failed with `error` got.
    static func phase(of error: any Error) -> TransportFailure.Phase {
        switch error {
        case is NIOConnectionError, is SocketAddressError, is SocketAddressError.UnknownHost:
            return .connecting
        case let error as IOError:
            if connectErrnoCodes.contains(error.errnoCode) { return .connecting }
            return error.errnoCode == EPIPE ? .sending : .awaitingResponse
        case let error as ChannelError:
            if case .connectTimeout = error { return .connecting }
            return .awaitingResponse
        case let error as HTTPClientError:
            if connectingClientErrors.contains(error) { return .connecting }
            if sendingClientErrors.contains(error) { return .sending }
            return .awaitingResponse
        default:
            return .awaitingResponse
        }
    }

    /// `errno` values with which only establishing a connection fails.
    private static let connectErrnoCodes: Set<CInt> = [
        ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, ENETDOWN, EHOSTDOWN, EADDRNOTAVAIL,
    ]

    /// Errors raised before the request was handed to a connection.
    private static let connectingClientErrors: [HTTPClientError] = [
        .connectTimeout, .tlsHandshakeTimeout, .socksHandshakeTimeout, .httpProxyHandshakeTimeout,
        .proxyAuthenticationRequired, .invalidProxyResponse, .getConnectionFromPoolTimeout,
    ]

    /// Errors raised while the request was being written.
    private static let sendingClientErrors: [HTTPClientError] = [
        .writeTimeout, .bodyLengthMismatch, .requestStreamCancelled,
    ]

    /// Errors naming header fields that cannot be sent. They hold the offending names or
    /// values (an `Authorization` value among them), so they are never kept or shown.
    private static let invalidHeaderErrors: [HTTPClientError] = [
        .invalidHeaderFieldNames([]), .invalidHeaderFieldValues([]),
    ]

    /// Errors that mean the client cannot send anything; retrying cannot help.
    private static let unusableClientErrors: [HTTPClientError] = [
        .alreadyShutdown, .invalidURL, .emptyHost, .emptyScheme,
    ]
}
