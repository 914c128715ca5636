import Foundation

/// A Kafka REST API call, built by a generated endpoint function and sent by an ``APITransport``.
public struct APIRequest: Sendable {
    /// One query parameter, not yet percent-encoded.
    public struct QueryItem: Sendable, Hashable {
        /// The parameter name.
        public var name: String
        /// The parameter value.
        public var value: String

        /// Creates a query parameter.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The OpenAPI `operationId`, for example `listKafkaTopics`.
    public var operationID: String
    /// The HTTP method.
    public var method: APIMethod
    /// The spec's path with placeholders, for example `/clusters/{cluster_id}/topics`, for logs
    /// and metrics.
    public var pathTemplate: String
    /// The percent-encoded path relative to the v3 base URL, for example `/clusters/lkc-1/topics`.
    public var path: String
    /// The query parameters in order; names may repeat.
    public var query: [QueryItem]
    /// Request headers other than `Content-Type`, which comes from ``body``.
    public var headers: APIHeaders
    /// The body, if any.
    public var body: RequestBody?
    /// The component schema the JSON body follows, when the spec names one, so a
    /// validator can check the body before it is sent.
    public var bodySchemaName: String?

    /// Creates a request without query parameters, headers or body.
    public init(operationID: String, method: APIMethod, pathTemplate: String, path: String) {
        self.operationID = operationID
        self.method = method
        self.pathTemplate = pathTemplate
        self.path = path
        query = []
        headers = APIHeaders()
        body = nil
        bodySchemaName = nil
    }

    /// Appends `name=value`; `nil` adds nothing.
    public mutating func addQuery<T: ParameterValue>(_ name: String, _ value: T?) {
        guard let value else { return }
        query.append(QueryItem(name: name, value: value.parameterValue))
    }

    /// Appends `name=value` once per element (OpenAPI `style: form, explode: true`); `nil` or
    /// an empty array adds nothing.
    public mutating func addQuery<T: ParameterValue>(_ name: String, _ values: [T]?) {
        for value in values ?? [] {
            query.append(QueryItem(name: name, value: value.parameterValue))
        }
    }

    /// Appends a header field; `nil` adds nothing.
    public mutating func addHeader<T: ParameterValue>(_ name: String, _ value: T?) {
        guard let value else { return }
        headers.add(name: name, value: value.parameterValue)
    }

    /// Encodes `value` with `JSONEncoder` as a ``RequestBody/bytes(_:contentType:)`` body;
    /// `schemaName` records the component schema it follows (``bodySchemaName``).
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/encoding`` if encoding fails.
    public mutating func setJSONBody<T: Encodable>(_ value: T, contentType: String = "application/json", schemaName: String? = nil) throws {
        bodySchemaName = schemaName
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        do {
            body = .bytes(try encoder.encode(value), contentType: contentType)
        } catch {
            throw KafkaRESTError(
                kind: .encoding,
                operationID: operationID,
                message: "could not encode \(T.self) as the request body: \(error)",
                underlyingError: error
            )
        }
    }

    /// Writes `value` with its byte-level JSON writer (``JSONWritable``) as a
    /// ``RequestBody/bytes(_:contentType:)`` body, the bytes `JSONEncoder` would give without
    /// its cost; `schemaName` records the component schema it follows (``bodySchemaName``).
    /// Generated models take this path.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/encoding`` if `value` holds
    ///   a NaN or infinite number, which JSON cannot carry; the body is then left unset.
    public mutating func setJSONBody<T: Encodable & JSONWritable>(_ value: T, contentType: String = "application/json", schemaName: String? = nil) throws {
        var writer = JSONWriter()
        value.writeJSON(to: &writer)
        guard !writer.wroteNonFiniteNumber else {
            let what = "it holds a NaN or infinite number, which JSON cannot carry"
            throw KafkaRESTError(
                kind: .encoding,
                operationID: operationID,
                message: "could not encode \(T.self) as the request body: \(what)",
                underlyingError: EncodingError.invalidValue(value, EncodingError.Context(codingPath: [], debugDescription: what))
            )
        }
        bodySchemaName = schemaName
        body = .bytes(Data(writer.bytes), contentType: contentType)
    }

    /// The full URL: `baseURL`'s path (such as `/kafka/v3`) followed by ``path``, then the
    /// query with names and values percent-encoded like path segments (see ``PathSegment``).
    ///
    /// A trailing `/` on the base is ignored and the base's own query and fragment are dropped.
    public func url(relativeTo baseURL: URL) -> URL {
        let string = urlString(relativeTo: baseURL)
        guard let url = URL(string: string) else {
            preconditionFailure("Cannot form a URL from base \(baseURL) and path \(path)")
        }
        return url
    }

    /// ``url(relativeTo:)`` as a string, put together without parsing it, for a transport
    /// that parses it once itself.
    package func urlString(relativeTo baseURL: URL) -> String {
        var base = Substring(baseURL.absoluteString)
        if let end = base.utf8.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            base = base[..<end]
        }
        while base.utf8.last == UInt8(ascii: "/") {
            base.removeLast()
        }
        var string = String(base)
        if !path.hasPrefix("/") { string += "/" }
        string += path
        for (position, item) in query.enumerated() {
            string += position == 0 ? "?" : "&"
            string += PathSegment.encode(item.name)
            string += "="
            string += PathSegment.encode(item.value)
        }
        return string
    }
}
