import Foundation

/// One JSON example written in a spec, with the component schema it must fit.
package struct SpecExample: CustomStringConvertible, Sendable {
    /// The component schema name.
    package var schemaName: String
    /// The example as JSON text.
    package var json: Data
    /// Where the example is written.
    package var location: SourceLocation

    package var description: String { "\(schemaName) @ \(location)" }
}

/// Collects the examples of a spec so tests and tools can check them against
/// generated types and the schema table.
package enum SpecExamples {
    /// The JSON examples of request bodies, responses and component schemas.
    /// Examples on media types whose schema is not a component reference
    /// cannot be tied to a type and are returned in `unnamed`.
    package static func collect(specPath: String) throws -> (examples: [SpecExample], unnamed: [SourceLocation]) {
        var diagnostics = Diagnostics()
        let document = try DocumentLoader().load(path: specPath, diagnostics: &diagnostics)
        let resolver = ReferenceResolver(components: document.components)
        var examples: [SpecExample] = []
        var unnamed: [SourceLocation] = []

        func add(_ media: MediaType) {
            guard BodyFormat.of(media.contentType, request: false) == .json, !media.examples.isEmpty else { return }
            guard case let .reference(text, location)? = media.schema,
                  let name = resolver.schemaName(text, at: location, &diagnostics) else {
                unnamed.append(media.location)
                return
            }
            for ref in media.examples {
                if let example = resolver.example(ref, &diagnostics) {
                    examples.append(SpecExample(schemaName: name, json: example.json.jsonData, location: example.location))
                }
            }
        }

        for item in document.paths {
            for operation in item.operations {
                if let ref = operation.requestBody, let body = resolver.requestBody(ref, &diagnostics) {
                    body.content.forEach(add)
                }
                for (_, ref) in operation.responses {
                    resolver.response(ref, &diagnostics)?.content.forEach(add)
                }
            }
        }
        for (name, ref) in document.components.schemas {
            guard case let .value(schema) = ref else { continue }
            for example in schema.examples {
                examples.append(SpecExample(schemaName: name, json: example.json.jsonData, location: example.location))
            }
        }
        return (examples, unnamed)
    }
}

extension YAMLJSON {
    /// The value as JSON text with sorted keys (fragments allowed).
    package var jsonData: Data {
        (try? JSONSerialization.data(withJSONObject: foundationObject, options: [.fragmentsAllowed, .sortedKeys])) ?? Data()
    }
}
