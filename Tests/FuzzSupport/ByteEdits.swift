extension SeededGenerator {
    /// `bytes` after a number of one-byte edits drawn from `edits`: each replaces, inserts or
    /// deletes the byte at a random position, and what it puts in comes from `alphabet` (a
    /// single byte is never deleted).
    public mutating func edited(_ bytes: [UInt8], edits: ClosedRange<Int>, alphabet: [UInt8]) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: edits, using: &self) {
            let position = Int.random(in: 0..<bytes.count, using: &self)
            let byte = alphabet[Int.random(in: 0..<alphabet.count, using: &self)]
            switch Int.random(in: 0..<3, using: &self) {
            case 0: bytes[position] = byte
            case 1: bytes.insert(byte, at: position)
            default: if bytes.count > 1 { bytes.remove(at: position) }
            }
        }
        return bytes
    }
}
