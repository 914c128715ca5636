import Foundation

/// Either an inline value or a `$ref` to a component, kept as written so the
/// normaliser can report where a broken reference sits.
package indirect enum Ref<Value: Sendable>: Sendable {
    /// A `$ref` string and where it was written.
    case reference(String, SourceLocation)
    /// An inline value.
    case value(Value)
}

/// The OpenAPI version a document declares in its `openapi` field, which decides how its
/// schemas are read.
package enum SpecVersion: Sendable, Hashable {
    /// 3.0.x, and any document whose version is missing or not 3.1 or later.
    case v3_0
    /// 3.1.x (and later 3.x): JSON Schema 2020-12 forms are translated into the 3.0 model
    /// (see `DocumentLoader+OpenAPI31.swift`).
    case v3_1
}

/// The parts of an OpenAPI 3.0 or 3.1 document the generator uses, in the terms of 3.0 (3.1
/// forms are translated while loading). Loading is lenient: values of the wrong kind become
/// warnings and are left out.
package struct OpenAPIDocument: Sendable {
    /// The version the document was read as.
    package var specVersion: SpecVersion
    /// `info.title`.
    package var title: String
    /// `info.version`.
    package var version: String
    /// `info.description`.
    package var description: String?
    /// `servers[].url`.
    package var serverURLs: [String]
    /// Path items in file order.
    package var paths: [PathItem]
    /// `components`.
    package var components: Components
    /// The file the document was read from.
    package var file: String
}

/// `components`: every kind a `$ref` may point at.
package struct Components: Sendable {
    /// `components/schemas`, in file order.
    package var schemas: [(name: String, schema: Ref<Schema>)] = []
    /// `components/parameters`.
    package var parameters: [String: Ref<Parameter>] = [:]
    /// `components/requestBodies`.
    package var requestBodies: [String: Ref<RequestBody>] = [:]
    /// `components/responses`.
    package var responses: [String: Ref<Response>] = [:]
    /// `components/headers`.
    package var headers: [String: Ref<Header>] = [:]
    /// `components/examples`, as JSON.
    package var examples: [String: Ref<ExampleValue>] = [:]
}

/// A path and its operations.
package struct PathItem: Sendable {
    /// The path template, e.g. `/clusters/{cluster_id}/topics`.
    package var path: String
    /// Parameters shared by every operation of the path.
    package var parameters: [Ref<Parameter>]
    /// Operations in the order get, put, post, delete, options, head, patch, trace.
    package var operations: [Operation]
    /// Where the path item is.
    package var location: SourceLocation
}

/// One HTTP operation.
package struct Operation: Sendable {
    /// Lower-case HTTP method.
    package var method: String
    /// The path template it belongs to.
    package var path: String
    /// `operationId`, when the spec gives one.
    package var operationID: String?
    /// `summary`.
    package var summary: String?
    /// `description`.
    package var description: String?
    /// `tags`.
    package var tags: [String]
    /// Operation-level parameters.
    package var parameters: [Ref<Parameter>]
    /// `requestBody`.
    package var requestBody: Ref<RequestBody>?
    /// Responses in file order, keyed by status (`200`, `4XX`, `default`).
    package var responses: [(status: String, response: Ref<Response>)]
    /// `deprecated`.
    package var deprecated: Bool
    /// Vendor extensions (`x-…`), as JSON.
    package var extensions: [String: ExampleValue]
    /// Where the operation is.
    package var location: SourceLocation
}

/// Where a parameter goes.
package enum ParameterLocation: String, Sendable {
    case path, query, header, cookie
}

/// A parameter.
package struct Parameter: Sendable {
    /// Wire name.
    package var name: String
    /// Where it goes (`in`).
    package var kind: ParameterLocation
    /// `required` (always true for path parameters).
    package var required: Bool
    /// `description`.
    package var description: String?
    /// `schema`, or the schema of the single `content` entry.
    package var schema: Ref<Schema>?
    /// `explode`, defaulting per OpenAPI to true for form style.
    package var explode: Bool
    /// Where the parameter is written.
    package var location: SourceLocation
}

/// A request body.
package struct RequestBody: Sendable {
    /// `description`.
    package var description: String?
    /// `required`.
    package var required: Bool
    /// Content by media type, in file order.
    package var content: [MediaType]
    /// Where the request body is.
    package var location: SourceLocation
}

/// A response.
package struct Response: Sendable {
    /// `description`.
    package var description: String?
    /// Content by media type, in file order.
    package var content: [MediaType]
    /// Response headers by name.
    package var headers: [String: Ref<Header>]
    /// Where the response is.
    package var location: SourceLocation
}

/// A response header.
package struct Header: Sendable {
    /// `description`.
    package var description: String?
    /// `schema`.
    package var schema: Ref<Schema>?
}

/// One media type of a request or response.
package struct MediaType: Sendable {
    /// The content type, e.g. `application/json`.
    package var contentType: String
    /// `schema`.
    package var schema: Ref<Schema>?
    /// `example`, or the values of `examples`.
    package var examples: [Ref<ExampleValue>]
    /// Where the media type is.
    package var location: SourceLocation
}

/// A JSON value read from YAML (examples, defaults, vendor extensions), with
/// the place it was written.
package struct ExampleValue: Sendable {
    /// The value.
    package var json: YAMLJSON
    /// Where it is.
    package var location: SourceLocation
}

/// A JSON value as read from YAML.
package indirect enum YAMLJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([YAMLJSON])
    case object([(String, YAMLJSON)])

    package static func == (lhs: YAMLJSON, rhs: YAMLJSON) -> Bool {
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

    package func hash(into hasher: inout Hasher) {
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
    package var foundationObject: Any {
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
    package var string: String? {
        if case let .string(value) = self { return value }
        return nil
    }

    /// The Bool, when this is one.
    package var bool: Bool? {
        if case let .bool(value) = self { return value }
        return nil
    }
}

/// A JSON schema (the OpenAPI 3.0 subset), kept close to the text; OpenAPI 3.1 forms are
/// translated into it while loading.
package struct Schema: Sendable {
    /// `type`, as written (lenient: `int64` stays and is reported later).
    package var type: String?
    /// `format`.
    package var format: String?
    /// `nullable`.
    package var nullable: Bool = false
    /// `title`.
    package var title: String?
    /// `description`.
    package var description: String?
    /// `properties`, in file order.
    package var properties: [(name: String, schema: Ref<Schema>)] = []
    /// `required`.
    package var required: [String] = []
    /// `items`.
    package var items: Ref<Schema>?
    /// `additionalProperties`: absent, a Bool, or a schema.
    package var additionalProperties: AdditionalProperties = .absent
    /// `enum`, as strings (non-string values are kept as their text).
    package var enumValues: [String]?
    /// `x-extensible-enum`.
    package var extensibleEnumValues: [String]?
    /// `allOf`.
    package var allOf: [Ref<Schema>] = []
    /// `oneOf`.
    package var oneOf: [Ref<Schema>] = []
    /// `anyOf`.
    package var anyOf: [Ref<Schema>] = []
    /// `discriminator` (of a `oneOf` / `anyOf`).
    package var discriminator: Discriminator?
    /// `readOnly`.
    package var readOnly: Bool = false
    /// `writeOnly`.
    package var writeOnly: Bool = false
    /// `deprecated`.
    package var deprecated: Bool = false
    /// `minimum`.
    package var minimum: Double?
    /// `maximum`.
    package var maximum: Double?
    /// `exclusiveMinimum`.
    package var exclusiveMinimum: Bool = false
    /// `exclusiveMaximum`.
    package var exclusiveMaximum: Bool = false
    /// `minLength`.
    package var minLength: Int?
    /// `maxLength`.
    package var maxLength: Int?
    /// `pattern`.
    package var pattern: String?
    /// `minItems`.
    package var minItems: Int?
    /// `maxItems`.
    package var maxItems: Int?
    /// `example`, then the items of an OpenAPI 3.1 `examples` list.
    package var examples: [ExampleValue] = []
    /// For a case the translator makes when it reads an `allOf` that contains a `oneOf` / `anyOf`
    /// (see `SchemaTranslator.distributingAlternatives(_:)`): the component schema of the
    /// alternative the case stands for, which names the case and which a discriminator selects.
    package var distributedFrom: String?
    /// Whether the schema only annotates the one reference in its `allOf`: an OpenAPI 3.1 `$ref`
    /// with sibling keywords, or `oneOf: [$ref, {type: 'null'}]`. Like a plain `$ref`, it is
    /// nullable or deprecated when the referenced schema is (as well as when it says so itself).
    package var annotatesReference: Bool = false
    /// Where the schema is.
    package var location: SourceLocation
}

/// `discriminator`: the member whose value names the alternative of a `oneOf` / `anyOf`.
package struct Discriminator: Sendable {
    /// `propertyName`.
    package var propertyName: String
    /// `mapping`, in file order: a member value and the schema it selects (a `$ref` or a schema name).
    package var mapping: [(value: String, schema: String)]
    /// Where the discriminator is.
    package var location: SourceLocation
}

/// `additionalProperties` of a schema.
package indirect enum AdditionalProperties: Sendable {
    case absent
    case allowed(Bool)
    case schema(Ref<Schema>)
}
