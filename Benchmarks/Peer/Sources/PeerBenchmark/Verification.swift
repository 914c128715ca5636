import Foundation

/// A side decoded a payload to something other than what it holds.
struct EquivalenceFailed: Error, CustomStringConvertible {
    var check: String
    var expected: String
    var actual: String

    var description: String {
        "equivalence check failed: \(check)\n  expected: \(expected)\n  actual:   \(actual)"
    }
}

/// Checks, before anything is timed, that every side decodes the shared payloads, and every
/// side's own encoding of them, to what they hold (`Payloads.expectedRequest` and
/// `.expectedResponse`): the same offset, timestamp to the millisecond, key bytes and so on.
/// Returns the number of checks made.
///
/// - Throws: ``EquivalenceFailed`` at the first mismatch, or the coding error of a side that
///   cannot decode what another wrote.
func verifyEquivalence(of sides: [Side]) throws -> Int {
    var checks = 0
    func expect<Summary: Equatable>(_ check: String, _ actual: () throws -> Summary, _ expected: Summary) throws {
        let value: Summary
        do {
            value = try actual()
        } catch {
            throw EquivalenceFailed(check: check, expected: "\(expected)", actual: "error: \(error)")
        }
        guard value == expected else {
            throw EquivalenceFailed(check: check, expected: "\(expected)", actual: "\(value)")
        }
        checks += 1
    }
    for reader in sides {
        try expect("\(reader.name) decodes the shared ProduceRequest", { try reader.request.decode(Payloads.produceRequest) }, Payloads.expectedRequest)
        try expect("\(reader.name) decodes the shared ProduceResponse", { try reader.response.decode(Payloads.produceResponse) }, Payloads.expectedResponse)
        for writer in sides {
            try expect(
                "\(reader.name) decodes the ProduceRequest encoded by \(writer.name)",
                { try reader.request.decode(try writer.request.encode()) },
                Payloads.expectedRequest
            )
            try expect(
                "\(reader.name) decodes the ProduceResponse encoded by \(writer.name)",
                { try reader.response.decode(try writer.response.encode()) },
                Payloads.expectedResponse
            )
        }
    }
    return checks
}
