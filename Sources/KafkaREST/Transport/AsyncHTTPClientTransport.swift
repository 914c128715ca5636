import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// Sends requests with AsyncHTTPClient: keep-alive connections, TLS certificate
/// verification, no redirects, a per-request timeout and a bound on response bodies.
///
/// Networking failures are thrown as ``TransportFailure`` whose ``TransportFailure/phase``
/// says whether the server could have seen the request: ``TransportFailure/Phase/connecting``
/// when nothing was sent (a refused connection, a host that cannot be resolved, a connect or
/// TLS handshake timeout), ``TransportFailure/Phase/sending`` or
/// ``TransportFailure/Phase/awaitingResponse`` once it may have been. A certificate or host
/// name the TLS handshake rejects is a ``KafkaRESTError`` of kind
/// ``KafkaRESTError/Kind/transport`` without a ``TransportFailure``, so it is not retried.
public struct AsyncHTTPClientTransport: APITransport {
    /// The largest response body accepted by default: 32 MiB.
    public static let defaultMaximumResponseBodySize = 32 * 1024 * 1024

    /// The base URL requests are resolved against, including `/kafka/v3` or `/v3`.
    public let baseURL: URL
    /// The connect timeout (applied to a client the transport creates) and the request timeout.
    public let timeouts: Timeouts
    /// The largest response body read; a larger one fails the request.
    public let maximumResponseBodySize: Int
    let client: HTTPClient
    private let ownsClient: Bool

    /// Creates a transport.
    ///
    /// - Parameters:
    ///   - baseURL: The API base URL, including `/kafka/v3` or `/v3`.
    ///   - timeouts: ``Timeouts/connect`` configures a client the transport creates;
    ///     ``Timeouts/request`` bounds every request, from sending to the last body byte.
    ///   - httpClient: A client to share; it is configured by its owner and ``shutdown()``
    ///     leaves it running. `nil` creates a client that verifies TLS certificates, never
    ///     follows redirects (so credentials never go to another host), does not decompress,
    ///     pools keep-alive connections, fails a connection attempt at once instead of
    ///     retrying it until the request times out, leaving retries to ``RetryMiddleware``, and
    ///     records no spans of its own (``TracingMiddleware`` records one per operation).
    ///   - maximumResponseBodySize: The largest response body accepted.
    ///   - tlsConfiguration: The TLS settings of a client the transport creates; full
    ///     certificate verification against the system's trust store by default.
    public init(
        baseURL: URL,
        timeouts: Timeouts,
        httpClient: HTTPClient? = nil,
        maximumResponseBodySize: Int = Self.defaultMaximumResponseBodySize,
        tlsConfiguration: TLSConfiguration? = nil
    ) {
        self.baseURL = baseURL
        self.timeouts = timeouts
        self.maximumResponseBodySize = maximumResponseBodySize
        if let httpClient {
            client = httpClient
            ownsClient = false
        } else {
            client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: Self.configuration(timeouts, tls: tlsConfiguration))
            ownsClient = true
        }
    }

    /// The configuration of a client the transport creates.
    static func configuration(_ timeouts: Timeouts, tls given: TLSConfiguration? = nil) -> HTTPClient.Configuration {
        var tls = given ?? TLSConfiguration.makeClientConfiguration()
        if given == nil {
            tls.certificateVerification = .fullVerification
        }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(connect: TimeAmount(timeouts.connect)),
            decompression: .disabled
        )
        configuration.connectionPool.retryConnectionEstablishment = false
        // Spans come from TracingMiddleware, one per operation; async-http-client's own span per
        // request would nest a second client span in it (and build its attributes on every call).
        configuration.tracing.tracer = nil
        return configuration
    }

    /// Sends `request` and returns the response whatever its status.
    ///
    /// - Throws: ``TransportFailure`` when no complete response arrived within
    ///   ``Timeouts/request``; ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/transport``
    ///   when the body exceeds ``maximumResponseBodySize``, or of kind
    ///   ``KafkaRESTError/Kind/invalidRequest`` when the client cannot send at all (it was
    ///   shut down, the URL is unusable, or a path segment is empty, `.` or `..`);
    ///   `CancellationError` when the task is cancelled.
    public func send(_ request: APIRequest) async throws -> APIResponse {
        try request.checkPathSegments()
        if case .stream = request.body {
            return try await sendStreamed(request)
        }
        do {
            // The delegate API gathers the whole response on the event loop, and its deadline
            // covers the body too: no task hop per body part and no timer task of our own.
            let outgoing = try makeWholeRequest(request)
            let collector = ResponseCollector(limit: maximumResponseBodySize)
            let deadline = NIODeadline.now() + TimeAmount(timeouts.request)
            let task = if let logger = RequestLogger.current {
                client.execute(request: outgoing, delegate: collector, deadline: deadline, logger: logger)
            } else {
                client.execute(request: outgoing, delegate: collector, deadline: deadline)
            }
            let response = try await withTaskCancellationHandler {
                try await task.futureResult.get()
            } onCancel: {
                task.cancel()
            }
            return APIResponse(
                status: Int(response.head.status.code),
                headers: APIHeaders(response.head.headers),
                body: Data(response.body.readableBytesView)
            )
        } catch let tooLarge as ResponseCollector.TooLarge {
            throw KafkaRESTError(
                kind: .transport,
                operationID: request.operationID,
                status: Int(tooLarge.head.status.code),
                message: "the response body is larger than the limit of \(tooLarge.limit) bytes; it was not read"
            )
        } catch {
            throw TransportFailureClassifier.translate(error, operationID: request.operationID)
        }
    }

    /// Sends a request with a ``RequestBody/stream(_:contentType:)`` body, written as it comes,
    /// and reads the whole response by the request's deadline.
    private func sendStreamed(_ request: APIRequest) async throws -> APIResponse {
        let deadline = ContinuousClock.now + timeouts.request
        do {
            let response = try await client.execute(makeRequest(request), timeout: TimeAmount(timeouts.request), logger: RequestLogger.current)
            let body = try await collectBody(of: response, before: deadline, operationID: request.operationID)
            return APIResponse(
                status: Int(response.status.code),
                headers: APIHeaders(response.headers),
                body: Data(body.readableBytesView)
            )
        } catch {
            throw TransportFailureClassifier.translate(error, operationID: request.operationID)
        }
    }

    /// Shuts down a client the transport created; does nothing for a given one.
    public func shutdown() async throws {
        if ownsClient {
            try await client.shutdown()
        }
    }

    /// `request`, whose body (if any) is held in memory, for the delegate API.
    ///
    /// - Throws: `HTTPClientError` when the URL cannot be used.
    func makeWholeRequest(_ request: APIRequest) throws -> HTTPClient.Request {
        var headers = HTTPHeaders(request.headers.map { ($0.name, $0.value) })
        var body: HTTPClient.Body?
        if case .bytes(let data, let contentType)? = request.body {
            headers.replaceOrAdd(name: "Content-Type", value: contentType)
            body = .byteBuffer(ByteBuffer(bytes: data))
        }
        return try HTTPClient.Request(
            url: request.url(relativeTo: baseURL),
            method: NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue),
            headers: headers,
            body: body
        )
    }

    func makeRequest(_ request: APIRequest) -> HTTPClientRequest {
        var outgoing = HTTPClientRequest(url: request.urlString(relativeTo: baseURL))
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for (name, value) in request.headers {
            outgoing.headers.add(name: name, value: value)
        }
        if let body = request.body {
            switch body {
            case .bytes(let data, let contentType):
                outgoing.headers.replaceOrAdd(name: "Content-Type", value: contentType)
                outgoing.body = .bytes(ByteBuffer(bytes: data))
            case .stream(let body, let contentType):
                outgoing.headers.replaceOrAdd(name: "Content-Type", value: contentType)
                outgoing.body = .stream(body.map { ByteBuffer(bytes: $0) }, length: .unknown)
            }
        }
        return outgoing
    }

    /// Reads the whole body, at most ``maximumResponseBodySize`` bytes, by `deadline`.
    private func collectBody(
        of response: HTTPClientResponse,
        before deadline: ContinuousClock.Instant,
        operationID: String
    ) async throws -> ByteBuffer {
        let limit = maximumResponseBodySize
        do {
            return try await withThrowingTaskGroup(of: ByteBuffer.self) { group in
                group.addTask {
                    try await response.body.collect(upTo: limit)
                }
                group.addTask {
                    try await Task.sleep(until: deadline, clock: ContinuousClock())
                    throw HTTPClientError.deadlineExceeded
                }
                defer { group.cancelAll() }
                // Two tasks were added, so there is a first result (or error).
                return try await group.next()!
            }
        } catch is NIOTooManyBytesError {
            throw KafkaRESTError(
                kind: .transport,
                operationID: operationID,
                status: Int(response.status.code),
                message: "the response body is larger than the limit of \(limit) bytes; it was not read"
            )
        }
    }
}
