import ArgumentParser
import Foundation
import KafkaREST

/// A `--header` argument: `name=value` for the value's UTF-8 bytes, `name:base64=value` for
/// the bytes `value` encodes in base64.
enum HeaderArgument {
    /// The header `argument` gives.
    ///
    /// - Throws: `ValidationError` naming the argument without `=`, with an empty name, or with
    ///   a `:base64` value that is not base64.
    static func parse(_ argument: String) throws -> KafkaRecord.Header {
        let pair: KeyValue
        do {
            pair = try KeyValue(parsing: argument)
        } catch {
            throw ValidationError("--header \(argument) is not name=value (or name:base64=value)")
        }
        let base64Suffix = ":base64"
        guard pair.name.hasSuffix(base64Suffix) else {
            return KafkaRecord.Header(name: pair.name, string: pair.value)
        }
        let name = String(pair.name.dropLast(base64Suffix.count))
        guard !name.isEmpty else {
            throw ValidationError("--header \(argument) has no name before :base64")
        }
        guard let bytes = Data(base64Encoded: pair.value) else {
            throw ValidationError("--header \(name): the value after \(name):base64= is not base64")
        }
        return KafkaRecord.Header(name: name, value: bytes)
    }
}
