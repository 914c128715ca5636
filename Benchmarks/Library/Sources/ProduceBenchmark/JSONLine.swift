import Foundation

/// Writes `value` to standard output as one line of JSON, unbuffered: how children answer the
/// parent. Throws (rather than trapping) when the parent has gone and the pipe is broken.
func writeJSONLine(_ value: some Encodable) throws {
    var line = try JSONEncoder().encode(value)
    line.append(UInt8(ascii: "\n"))
    try FileHandle.standardOutput.write(contentsOf: line)
}
