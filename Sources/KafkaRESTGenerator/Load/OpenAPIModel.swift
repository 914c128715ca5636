import Foundation

/// Either an inline value or a `$ref` to a component, kept as written so the
/// normaliser can report where a broken reference sits.
public indirect enum Ref<Value: Sendable>: Sendable {
    /// A `$ref` string and where it was written.
    case reference(String, SourceLocation)
    /// An inline value.
    case value(Value)
}

/// The OpenAPI version a document declares in its `openapi` field, which decides how its
/// schemas are read.
public enum SpecVersion: Sendable, Hashable {
    /// 3.0.x, and any document whose version is missing or not 3.1 or later.
    case v3_0
    /// 3.1.x (and later 3.x): JSON Schema 2020-12 forms are translated into the 3.0 model
    /// (see `DocumentLoader+OpenAPI31.swift`).
    case v3_1
}

/// The parts of an OpenAPI 3.0 or 3.1 document the generator uses, in the terms of 3.0 (3.1
/// forms are translated while loading). Loading is lenient: values of the wrong kind become
/// warnings and are left out.
public struct OpenAPIDocument: Sendable {
    /// The version the document was read as.
    public var specVersion: SpecVersion
    /// `info.title`.
    public var title: String
    /// `info.version`.
    public var version: String
    /// `info.description`.
    public var description: String?
    /// `servers[].url`.
    public var serverURLs: [String]
    /// Path items in file order.
    public var paths: [PathItem]
    /// `components`.
    public var components: Components
    /// The file the document was read from.
    public var file: String
}

/// `components`: every kind a `$ref` may point at.
public struct Components: Sendable {
    /// `components/schemas`, in file order.
    public var schemas: [(name: String, schema: Ref<Schema>)] = []
    /// `components/parameters`.
    public var parameters: [String: Ref<Parameter>] = [:]
    /// `components/requestBodies`.
    public var requestBodies: [String: Ref<RequestBody>] = [:]
    /// `components/responses`.
    public var responses: [String: Ref<Response>] = [:]
    /// `components/headers`.
    public var headers: [String: Ref<Header>] = [:]
    /// `components/examples`, as JSON.
    public var examples: [String: Ref<ExampleValue>] = [:]
}

/// A path and its operations.
public struct PathItem: Sendable {
    /// The path template, e.g. `/clusters/{cluster_id}/topics`.
    public var path: String
    /// Parameters shared by every operation of the path.
    public var parameters: [Ref<Parameter>]
    /// Operations in the order get, put, post, delete, options, head, patch, trace.
    public var operations: [Operation]
    /// Where the path item is.
    public var location: SourceLocation
}

/// One HTTP operation.
public struct Operation: Sendable {
    /// Lower-case HTTP method.
    public var method: String
    /// The path template it belongs to.
    public var path: String
    /// `operationId`, when the spec gives one.
    public var operationID: String?
    /// `summary`.
    public var summary: String?
    /// `description`.
    public var description: String?
    /// `tags`.
    public var tags: [String]
    /// Operation-level parameters.
    public var parameters: [Ref<Parameter>]
    /// `requestBody`.
    public var requestBody: Ref<RequestBody>?
    /// Responses in file order, keyed by status (`200`, `4XX`, `default`).
    public var responses: [(status: String, response: Ref<Response>)]
    /// `deprecated`.
    public var deprecated: Bool
    /// Vendor extensions (`x-…`), as JSON.
    public var extensions: [String: ExampleValue]
    /// Where the operation is.
    public var location: SourceLocation
}

/// Where a parameter goes.
public enum ParameterLocation: String, Sendable {
    case path, query, header, cookie
}

/// A parameter.
public struct Parameter: Sendable {
    /// Wire name.
    public var name: String
    /// Where it goes (`in`).
    public var kind: ParameterLocation
    /// `required` (always true for path parameters).
    public var required: Bool
    /// `description`.
    public var description: String?
    /// `schema`, or the schema of the single `content` entry.
    public var schema: Ref<Schema>?
    /// `explode`, defaulting per OpenAPI to true for form style.
    public var explode: Bool
    /// Where the parameter is written.
    public var location: SourceLocation
}

/// A request body.
public struct RequestBody: Sendable {
    /// `description`.
    public var description: String?
    /// `required`.
    public var required: Bool
    /// Content by media type, in file order.
    public var content: [MediaType]
    /// Where the request body is.
    public var location: SourceLocation
}

/// A response.
public struct Response: Sendable {
    /// `description`.
    public var description: String?
    /// Content by media type, in file order.
    public var content: [MediaType]
    /// Response headers by name.
    public var headers: [String: Ref<Header>]
    /// Where the response is.
    public var location: SourceLocation
}

/// A response header.
public struct Header: Sendable {
    /// `description`.
    public var description: String?
    /// `schema`.
    public var schema: Ref<Schema>?
}

/// One media type of a request or response.
public struct MediaType: Sendable {
    /// The content type, e.g. `application/json`.
    public var contentType: String
    /// `schema`.
    public var schema: Ref<Schema>?
    /// `example`, or the values of `examples`.
    public var examples: [Ref<ExampleValue>]
    /// Where the media type is.
    public var location: SourceLocation
}

/// A JSON value read from YAML (examples, defaults, vendor extensions), with
/// the place it was written.
public struct ExampleValue: Sendable {
    /// The value.
    public var json: YAMLJSON
    /// Where it is.
    public var location: SourceLocation
}

/// A JSON value as read from YAML.
public indirect enum YAMLJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([YAMLJSON])
    case object([(String, YAMLJSON)])

    public static func == (lhs: YAMLJSON, rhs: YAMLJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case let .bool(value): hasher.combine(value)
        case let .integer(value): hasher.combine(value)
        case let .double(value): hasher.combine(value)
        case let .string(value): hasher.combine(value)
        case let .array(values): hasher.combine(values)
        case let .object(pairs):
            for (key, value) in pairs {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
    }

    /// The value as a Foundation object for `JSONSerialization`.
    public var foundationObject: Any {
        switch self {
        case .null: return NSNull()
        case let .bool(value): return value
        case let .integer(value): return value
        case let .double(value): return value
        case let .string(value): return value
        case let .array(values): return values.map(\.foundationObject)
        case let .object(pairs):
            var dictionary: [String: Any] = [:]
            for (key, value) in pairs { dictionary[key] = value.foundationObject }
            return dictionary
        }
    }

    /// The string, when this is one.
    public var string: String? {
        if case let .string(value) = self { return value }
        return nil
    }

    /// The Bool, when this is one.
    public var bool: Bool? {
        if case let .bool(value) = self { return value }
        return nil
    }
}

/// A JSON schema (the OpenAPI 3.0 subset), kept close to the text; OpenAPI 3.1 forms are
/// translated into it while loading.
public struct Schema: Sendable {
    /// `type`, as written (lenient: `int64` stays and is reported later).
    public var type: String?
    /// `format`.
    public var format: String?
    /// `nullable`.
    public var nullable: Bool = false
    /// `title`.
    public var title: String?
    /// `description`.
    public var description: String?
    /// `properties`, in file order.
    public var properties: [(name: String, schema: Ref<Schema>)] = []
    /// `required`.
    public var required: [String] = []
    /// `items`.
    public var items: Ref<Schema>?
    /// `additionalProperties`: absent, a Bool, or a schema.
    public var additionalProperties: AdditionalProperties = .absent
    /// `enum`, as strings (non-string values are kept as their text).
    public var enumValues: [String]?
    /// `x-extensible-enum`.
    public var extensibleEnumValues: [String]?
    /// `allOf`.
    public var allOf: [Ref<Schema>] = []
    /// `oneOf`.
    public var oneOf: [Ref<Schema>] = []
    /// `anyOf`.
    public var anyOf: [Ref<Schema>] = []
    /// `discriminator` (of a `oneOf` / `anyOf`).
    public var discriminator: Discriminator?
    /// `readOnly`.
    public var readOnly: Bool = false
    /// `writeOnly`.
    public var writeOnly: Bool = false
    /// `deprecated`.
    public var deprecated: Bool = false
    /// `minimum`.
    public var minimum: Double?
    /// `maximum`.
    public var maximum: Double?
    /// `exclusiveMinimum`.
    public var exclusiveMinimum: Bool = false
    /// `exclusiveMaximum`.
    public var exclusiveMaximum: Bool = false
    /// `minLength`.
    public var minLength: Int?
    /// `maxLength`.
    public var maxLength: Int?
    /// `pattern`.
    public var pattern: String?
    /// `minItems`.
    public var minItems: Int?
    /// `maxItems`.
    public var maxItems: Int?
    /// `example`, then the items of an OpenAPI 3.1 `examples` list.
    public var examples: [ExampleValue] = []
    /// Whether the schema only annotates the one reference in its `allOf`: an OpenAPI 3.1 `$ref`
    /// with sibling keywords, or `oneOf: [$ref, {type: 'null'}]`. Like a plain `$ref`, it is
    /// nullable or deprecated when the referenced schema is (as well as when it says so itself).
    public var annotatesReference: Bool = false
    /// Where the schema is.
    public var location: SourceLocation
}

/// `discriminator`: the member whose value names the alternative of a `oneOf` / `anyOf`.
public struct Discriminator: Sendable {
    /// `propertyName`.
    public var propertyName: String
    /// `mapping`, in file order: a member value and the schema it selects (a `$ref` or a schema name).
    public var mapping: [(value: String, schema: String)]
    /// Where the discriminator is.
    public var location: SourceLocation
}

/// `additionalProperties` of a schema.
public indirect enum AdditionalProperties: Sendable {
    case absent
    case allowed(Bool)
    case schema(Ref<Schema>)
}
