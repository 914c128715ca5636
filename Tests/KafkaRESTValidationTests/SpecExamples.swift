import Foundation
@testable import KafkaRESTGenerator

/// Every JSON example written in spec/, with the component schema it must fit
/// (collected as in KafkaRESTAPITests).
struct SpecExample: CustomStringConvertible, Sendable {
    /// The component schema name.
    var schemaName: String
    /// The example as JSON text.
    var json: Data
    /// Where the example is written.
    var location: SourceLocation

    var description: String { "\(schemaName) @ \(location)" }

    /// Reads spec/kafka-rest-v3.yaml and collects the examples of request bodies, responses and
    /// component schemas whose schema is a component reference.
    static func all() throws -> [SpecExample] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("spec/kafka-rest-v3.yaml").path
        var diagnostics = Diagnostics()
        let document = try DocumentLoader().load(path: path, diagnostics: &diagnostics)
        let resolver = ReferenceResolver(components: document.components)
        var examples: [SpecExample] = []

        func add(_ media: MediaType) {
            guard MediaTypes.isJSON(media.contentType), !media.examples.isEmpty,
                  case let .reference(text, location)? = media.schema,
                  let name = resolver.schemaName(text, at: location, &diagnostics)
            else { return }
            for ref in media.examples {
                if let example = resolver.example(ref, &diagnostics) {
                    examples.append(SpecExample(schemaName: name, json: example.json.data, location: example.location))
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
            if case let .value(schema) = ref, let example = schema.example {
                examples.append(SpecExample(schemaName: name, json: example.json.data, location: example.location))
            }
        }
        return examples
    }
}

extension YAMLJSON {
    /// The value as JSON text (fragments allowed).
    var data: Data {
        (try? JSONSerialization.data(withJSONObject: foundationObject, options: [.fragmentsAllowed, .sortedKeys])) ?? Data()
    }
}
