import KafkaRESTSupport

/// The intermediate model: everything the templates need and nothing about
/// YAML. It is also what a schema table for payload validation is built from.
struct GeneratedModule: Sendable {
    /// Generated types, sorted by Swift name.
    var types: [GeneratedType]
    /// Operations in spec order.
    var operations: [GeneratedOperation]
    /// API groups (tags) in order of first use.
    var groups: [OperationGroup]
    /// Component schema name → description, for payload validation.
    var schemaTable: [String: SchemaDescriptor]
    /// The spec's title.
    var title: String
    /// The spec's file name (no folders), for headers.
    var specFileName: String
}

/// An API group: the operations of one tag, generated as one struct that
/// `Client` exposes as a property (`client.topic.listKafkaTopics(…)`), and a protocol
/// with the same operations that the struct conforms to.
struct OperationGroup: Sendable {
    /// The tag.
    var tag: String
    /// The struct's name, e.g. `TopicOperations`.
    var typeName: String
    /// The protocol's name: the struct's with `Protocol` appended, e.g. `TopicOperationsProtocol`.
    var protocolName: String
    /// The `Client` property, e.g. `topic`.
    var property: String
}

/// A generated named type.
struct GeneratedType: Sendable {
    /// What kind of declaration it is.
    enum Kind: Sendable {
        /// A struct with stored properties.
        case structure([GeneratedProperty])
        /// An open enum (`x-extensible-enum`): known values plus any other string.
        case openEnum([EnumValue])
        /// A closed enum (`enum`).
        case closedEnum([EnumValue])
        /// A type alias (a component schema that is an array, map or primitive).
        case alias(TypeUsage)
        /// An enum with a case per alternative (`oneOf` / `anyOf`).
        case alternatives(Alternatives)
    }

    /// Swift name.
    var name: String
    /// The component name, or the place an inline schema was found.
    var schemaName: String
    /// Whether this came from `components/schemas` (and so belongs in the registry).
    var isComponent: Bool
    /// Documentation lines.
    var documentation: [String]
    /// The declaration.
    var kind: Kind
    /// Set for list responses (a `data` array and `metadata.next`): how to page through them.
    var paging: Paging?
}

/// How a list response exposes its items and next-page link, as Swift expressions
/// over the struct's own properties.
struct Paging: Sendable {
    /// The element type of `data`.
    var itemType: String
    /// An expression of type `[Item]`, e.g. `data`.
    var itemsExpression: String
    /// An expression of type `String?`, e.g. `metadata.next?.value`.
    var nextExpression: String
}

/// One stored property of a generated struct.
struct GeneratedProperty: Sendable {
    /// Swift name, unescaped.
    var name: String
    /// JSON name on the wire.
    var wireName: String
    /// Type of the value (without optionality).
    var type: TypeUsage
    /// Listed in `required`.
    var required: Bool
    /// `nullable: true`.
    var nullable: Bool
    /// Documentation lines.
    var documentation: [String]
    /// `deprecated: true`.
    var deprecated: Bool
    /// Whether the value is stored behind a reference, because the property's type contains
    /// the struct that holds it (set by ``RecursionBreaking``).
    var boxed = false
}

/// One value of an enum.
struct EnumValue: Sendable {
    /// Swift case or static member name, unescaped.
    var name: String
    /// The string on the wire.
    var rawValue: String
}

/// One generated endpoint function.
struct GeneratedOperation: Sendable {
    /// Swift function name.
    var name: String
    /// `operationId` as written, or the synthesised one.
    var operationID: String
    /// Whether `operationId` was synthesised.
    var operationIDSynthesised: Bool
    /// Upper-case HTTP method.
    var method: String
    /// Path template, as written.
    var path: String
    /// The path template, parsed.
    var pathTemplate: PathTemplate
    /// The API group (first tag).
    var group: String
    /// `summary`.
    var summary: String?
    /// Documentation lines (description).
    var documentation: [String]
    /// Parameters: path first in path order, then query, then header.
    var parameters: [GeneratedParameter]
    /// The request body.
    var body: GeneratedBody?
    /// Documented 2xx responses.
    var successes: [GeneratedResponse]
    /// Documented non-2xx responses (thrown as `KafkaRESTError`).
    var failures: [GeneratedResponse]
    /// How the function returns.
    var result: OperationResult
    /// `deprecated: true`.
    var deprecated: Bool
    /// `x-kafka-rest-streaming: true`.
    var streaming: Bool
    /// `x-kafka-rest-availability`.
    var availability: [String]
}

/// A parameter of an endpoint function.
struct GeneratedParameter: Sendable {
    /// Swift argument name, unescaped.
    var name: String
    /// Name on the wire.
    var wireName: String
    /// `path`, `query` or `header`.
    var kind: ParameterLocation
    /// Value type (arrays for repeated query values).
    var type: TypeUsage
    /// Required (no default).
    var required: Bool
    /// Documentation lines.
    var documentation: [String]
}

/// How a request or response body is carried, by its media type.
enum BodyFormat: Sendable {
    /// `application/json` and `+json` types: a generated value, coded as JSON.
    case json
    /// `application/x-www-form-urlencoded` (requests): a generated value, sent as form fields.
    case form
    /// `text/*`: a `String`, as UTF-8.
    case text
    /// Any other media type: `Data`, as it is.
    case bytes

    /// The format of a body of `contentType`; `form` only for requests.
    static func of(_ contentType: String, request: Bool) -> BodyFormat {
        let base = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if base == "application/json" || base.hasSuffix("+json") { return .json }
        if request, base == "application/x-www-form-urlencoded" { return .form }
        if base.hasPrefix("text/") { return .text }
        return .bytes
    }
}

/// The request body of an endpoint function.
struct GeneratedBody: Sendable {
    /// The value's type: a generated or JSON type (``BodyFormat/json``, ``BodyFormat/form``),
    /// `String` (``BodyFormat/text``) or `Data` (``BodyFormat/bytes``).
    var type: TypeUsage
    /// How the value is sent.
    var format: BodyFormat
    /// The content type sent.
    var contentType: String
    /// The component schema of the body, when it is a `$ref`.
    var schemaName: String?
    /// Required (no default).
    var required: Bool
    /// Documentation lines.
    var documentation: [String]
}

/// One documented response.
struct GeneratedResponse: Sendable {
    /// Status key as written (`200`, `2XX`, `default`).
    var status: String
    /// Body type when there is a body the client decodes.
    var type: TypeUsage?
    /// Content type of that body.
    var contentType: String?
    /// How the body is read, when there is one.
    var format: BodyFormat
    /// The description.
    var description: String?
}

/// How an endpoint function hands back its success.
enum OperationResult: Sendable {
    /// Returns nothing.
    case void
    /// Returns the one success body type.
    case single(TypeUsage)
    /// Returns a generated enum with a case per success status.
    case cases(enumName: String, [ResultCase])
}

/// A case of a generated response enum.
struct ResultCase: Sendable {
    /// Case name, e.g. `ok`, `accepted`.
    var name: String
    /// Status key it answers.
    var status: String
    /// Payload type, when the status has a body.
    var type: TypeUsage?
}
