import Foundation
import OpenAPIRuntime

/// The JSON coders each side uses for a request or response body.
struct Coders {
    var encoder: JSONEncoder
    var decoder: JSONDecoder

    /// Ours: `APIRequest.setJSONBody` encodes with `outputFormatting = [.withoutEscapingSlashes]`
    /// and `APIResponse.decode` uses a plain `JSONDecoder`; dates and base64 are coded by the
    /// generated models themselves (KafkaRESTSupport's `DateTimeCoding` and `Base64Data`).
    static var ours: Coders {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return Coders(encoder: encoder, decoder: JSONDecoder())
    }

    /// The peer: what swift-openapi-runtime's `Converter` builds from `configuration` for
    /// bodies: output formatting from `jsonEncodingOptions` and both date strategies through
    /// its `dateTranscoder`.
    static func peer(_ configuration: Configuration) -> Coders {
        let encoder = JSONEncoder()
        var formatting = JSONEncoder.OutputFormatting()
        if configuration.jsonEncodingOptions.contains(.prettyPrinted) { formatting.formUnion(.prettyPrinted) }
        if configuration.jsonEncodingOptions.contains(.sortedKeys) { formatting.formUnion(.sortedKeys) }
        if configuration.jsonEncodingOptions.contains(.withoutEscapingSlashes) { formatting.formUnion(.withoutEscapingSlashes) }
        encoder.outputFormatting = formatting
        let transcoder = configuration.dateTranscoder
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(try transcoder.encode(date))
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            try transcoder.decode(try decoder.singleValueContainer().decode(String.self))
        }
        return Coders(encoder: encoder, decoder: decoder)
    }

    /// The peer's default `jsonEncodingOptions` (`[.sortedKeys, .prettyPrinted]`) with the
    /// fractional-seconds transcoder, since the default `.iso8601` rejects `…30.123Z`.
    static var peerDefault: Coders {
        peer(Configuration(dateTranscoder: .iso8601WithFractionalSeconds))
    }

    /// The peer with our output formatting (`[.withoutEscapingSlashes]`), to separate the cost
    /// of pretty-printing and sorting keys from that of the generated code and its runtime.
    static var peerCompact: Coders {
        peer(Configuration(dateTranscoder: .iso8601WithFractionalSeconds, jsonEncodingOptions: [.withoutEscapingSlashes]))
    }

    /// The peer exactly as `Configuration()` sets it up, with the `.iso8601` transcoder.
    static var peerISO8601: Coders {
        peer(Configuration())
    }
}
