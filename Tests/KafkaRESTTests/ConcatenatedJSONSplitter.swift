import Foundation
import KafkaREST

/// Splits a byte stream of JSON objects written back to back (whitespace between them or
/// none) into one `Data` per complete object, whatever the chunk boundaries.
///
/// The tests' view of the library's `ConcatenatedJSONScanner`: each object copied out.
struct ConcatenatedJSONSplitter: Sendable {
    private var scanner: ConcatenatedJSONScanner

    /// Creates a splitter at the start of a stream, refusing objects longer than `maximumObjectBytes`.
    init(maximumObjectBytes: Int = ConcatenatedJSONScanner.defaultMaximumObjectBytes) {
        scanner = ConcatenatedJSONScanner(maximumObjectBytes: maximumObjectBytes)
    }

    /// Consumes the next chunk and returns the objects it completes, in order.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/decoding`` when something
    ///   other than whitespace or `{` appears between objects, or an object is too long.
    mutating func feed(_ chunk: Data) throws -> [Data] {
        var objects: [Data] = []
        try scanner.feed(chunk) { objects.append(Data($0)) }
        return objects
    }

    /// Checks that the stream ended between objects.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/decoding`` if an object was
    ///   left incomplete.
    func finish() throws {
        try scanner.finish()
    }
}
