/// Counts the occurrences of a byte string in a stream fed in pieces cut anywhere (a
/// Knuth-Morris-Pratt matcher): how the parent counts the reports curl and the CLI print.
struct NeedleCounter {
    private let needle: [UInt8]
    /// For each prefix length, the length of its longest proper prefix that is also its suffix.
    private let fallback: [Int]
    /// Bytes of the needle matched at the end of what was fed so far.
    private var matched = 0
    /// Occurrences so far.
    private(set) var count = 0

    init(_ needle: [UInt8]) {
        precondition(!needle.isEmpty, "an empty needle")
        self.needle = needle
        var fallback = [0, 0]
        var length = 0
        for index in 1..<needle.count {
            while length > 0, needle[index] != needle[length] {
                length = fallback[length]
            }
            if needle[index] == needle[length] {
                length += 1
            }
            fallback.append(length)
        }
        self.fallback = fallback
    }

    /// Counts the occurrences that end in `bytes`.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            while matched > 0, byte != needle[matched] {
                matched = fallback[matched]
            }
            if byte == needle[matched] {
                matched += 1
            }
            if matched == needle.count {
                count += 1
                matched = fallback[matched]
            }
        }
    }
}
